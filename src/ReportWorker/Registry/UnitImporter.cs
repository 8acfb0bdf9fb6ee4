using Dapper;
using ReportWorker.Delivery;
using ReportWorker.Ledger;
using ReportWorker.Spreadsheets;
using ReportWorker.Storage;
using ReportWorker.Text;

namespace ReportWorker.Registry;

/// <summary>
/// Imports the unit registry (单位名录). All rows are checked first; if any is wrong nothing is
/// written and every problem is reported. Units are matched by code, so a re-import updates them.
/// When a unit's liaisons change, its recipients that mail has not reached yet follow the new addresses
/// (<see cref="OutboxStore.FollowLiaisons"/>), in the same transaction.
/// </summary>
public sealed class UnitImporter(LedgerDatabase database, TimeProvider clock, OutboxStore outbox)
{
    internal static readonly ColumnSpec[] Columns =
    [
        new("code", "单位代码", true, "单位代码", "代码", "单位编码", "编码", "编号"),
        new("name", "单位名称", true, "单位名称", "单位全称", "名称", "全称", "单位"),
        new("short", "简称", false, "简称", "单位简称"),
        new("aliases", "别名", false, "别名", "其他名称", "曾用名"),
        new("liaison", "联络员", false, "联络员", "联络人", "联系人", "联络员姓名"),
        new("email", "联络员邮箱", true, "联络员邮箱", "电子邮箱", "邮箱", "email", "e-mail", "电子邮件", "联系邮箱"),
        new("order", "排序", false, "排序", "序号"),
    ];

    public ImportResult Import(string path)
    {
        var file = Path.GetFileName(path);
        var units = Parse(path, file);
        return database.InTransaction((c, tx) =>
        {
            var existing = RegistryStore.LoadUnits(c, tx).ToDictionary(u => u.Code);
            int added = 0, changed = 0;
            var notes = new List<string>();
            var now = clock.GetUtcNow().Stored();
            foreach (var unit in units)
            {
                if (existing.TryGetValue(unit.Code, out var old))
                {
                    if (Same(old, unit)) continue;
                    changed++;
                }
                else added++;
                c.Execute("""
                    INSERT INTO units(code, name, short_name, aliases, sort_order, updated_at, added_at)
                    VALUES (@Code, @Name, @ShortName, @aliases, @SortOrder, @now, @now)
                    ON CONFLICT(code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
                        aliases = excluded.aliases, sort_order = excluded.sort_order, updated_at = excluded.updated_at
                    """, new { unit.Code, unit.Name, unit.ShortName, aliases = string.Join('|', unit.Aliases), unit.SortOrder, now }, tx);
                c.Execute("DELETE FROM unit_liaisons WHERE unit_code = @Code", new { unit.Code }, tx);
                foreach (var (l, position) in unit.Liaisons.Select((l, i) => (l, i)))
                    c.Execute("INSERT INTO unit_liaisons(unit_code, name, email, position) VALUES (@Code, @Name, @Email, @position)", new { unit.Code, l.Name, l.Email, position }, tx);
                if (old is not null && !old.Liaisons.Select(l => l.Email).SequenceEqual(unit.Liaisons.Select(l => l.Email), StringComparer.OrdinalIgnoreCase))
                {
                    var n = outbox.FollowLiaisons(c, tx, unit.Code);
                    if (n > 0) notes.Add($"{unit.ShortName}（{unit.Code}）的联络员邮箱已变更：{n} 个尚未送达的收件人改发 {string.Join("、", unit.Liaisons.Select(l => l.Email))}。");
                }
            }
            RegistryStore.CountImport(c, tx, RegistryStore.RecordImport(c, tx, "units", file, Hashing.Sha256OfFile(path), units.Count, now), added, changed);
            return new ImportResult("units", units.Count, added, changed, units.Count - added - changed, notes);
        });
    }

    private static bool Same(Unit a, Unit b) =>
        a.Name == b.Name && a.ShortName == b.ShortName && a.SortOrder == b.SortOrder
        && a.Aliases.SequenceEqual(b.Aliases) && a.Liaisons.SequenceEqual(b.Liaisons);

    internal static List<Unit> Parse(string path, string file)
    {
        var (sheet, map) = RegistrySheet.Open(path, file, Columns, "单位名录");
        var errors = new List<ImportError>();
        var units = new List<Unit>();
        var seen = new Dictionary<string, int>();
        var order = 0;
        foreach (var row in sheet.Rows.Where(r => r.Number > map.HeaderRow && !r.IsBlank))
        {
            order++;
            void Error(string key, string problem) => errors.Add(new(file, row.Number, map.Describe(Columns.First(c => c.Key == key)), problem));
            var code = TextNormalizer.Narrow(map.Text(row, "code")).ToUpperInvariant();
            var name = map.Text(row, "name");
            if (code.Length == 0) Error("code", "单位代码为空。");
            else if (seen.TryGetValue(code, out var first)) Error("code", $"单位代码 {code} 与第{first}行重复。");
            else seen[code] = row.Number;
            if (name.Length == 0) Error("name", "单位名称为空。");

            var emails = TextNormalizer.SplitList(map.Text(row, "email")).Select(TextNormalizer.Narrow).ToArray();
            var names = TextNormalizer.SplitList(map.Text(row, "liaison"));
            if (emails.Length == 0) Error("email", "没有联络员邮箱，无法向该单位发送填报表和回执。");
            foreach (var e in emails.Where(e => !Recipient.IsValidAddress(e))) Error("email", $"“{e}”不是有效的电子邮箱地址。");

            var shortName = map.Text(row, "short");
            var orderText = TextNormalizer.Narrow(map.Text(row, "order"));
            units.Add(new Unit(code, name, shortName.Length > 0 ? shortName : name,
                TextNormalizer.SplitList(map.Text(row, "aliases")),
                emails.Select((e, i) => new Liaison(i < names.Count ? names[i] : (names.Count > 0 ? names[^1] : ""), e.ToLowerInvariant())).ToArray(),
                int.TryParse(orderText, out var o) ? o : order));
        }
        if (units.Count == 0 && errors.Count == 0) errors.Add(new(file, 0, "", "表中没有任何单位。"));
        if (errors.Count > 0) throw new RegistryImportException(errors);
        return units;
    }}
