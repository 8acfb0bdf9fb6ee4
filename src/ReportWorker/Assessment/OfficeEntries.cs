using System.Globalization;
using Dapper;
using ReportWorker.Ledger;
using ReportWorker.Registry;
using ReportWorker.Storage;
using ReportWorker.Text;

namespace ReportWorker.Assessment;

/// <summary>
/// The office's own entries for a year's assessment (加分 for 表彰 or 经验被推广, 扣分, and the veto kinds of
/// the year's 细则), imported from the .xlsx the office keeps: one row per entry with the unit, the kind,
/// the points and the evidence. Checked like every other import (every problem with its row, nothing
/// written if any is wrong). The newest import for a year is in force; earlier ones stay in the ledger.
/// </summary>
public sealed class OfficeEntries(LedgerDatabase database, RegistryStore registry, TimeProvider clock, LiquidTemplates templates)
{
    internal static readonly ColumnSpec[] Columns =
    [
        new("unit", "单位", true, "单位", "单位名称", "被考核单位", "单位代码"),
        new("kind", "类型", true, "类型", "加减分类型", "项目类型", "类别"),
        new("points", "分值", false, "分值", "分数", "加减分值", "分"),
        new("reason", "事由", true, "事由", "依据", "事由及依据", "说明", "佐证"),
    ];

    public ImportResult Import(string path, int year)
    {
        var file = Path.GetFileName(path);
        var scheme = AssessmentSchemeFile.Load(templates.Folder, year);
        var entries = Parse(path, file, registry.Units(), scheme);
        return database.InTransaction((c, tx) =>
        {
            var now = clock.GetUtcNow().Stored();
            var importId = RegistryStore.RecordImport(c, tx, Kind(year), file, Hashing.Sha256OfFile(path), entries.Count, now);
            foreach (var e in entries)
                c.Execute("""
                    INSERT INTO assessment_entries(year, unit_code, kind, points, reason, source_row, import_id)
                    VALUES (@year, @UnitCode, @Kind, @Points, @Reason, @Row, @importId)
                    """, new { year, e.UnitCode, e.Kind, e.Points, e.Reason, e.Row, importId }, tx);
            RegistryStore.CountImport(c, tx, importId, entries.Count, 0);
            return new ImportResult("assessment", entries.Count, entries.Count, 0, 0,
                [$"{year}年度考核的加减分和否决事项共 {entries.Count} 条，取代此前导入的全部条目（旧条目保留在台账中）。"], year);
        });
    }

    /// <summary>
    /// The entries in force for the year: those of its newest import (none before any import); with
    /// <paramref name="asOf"/>, of the newest import by then (what an issued document was made from).
    /// </summary>
    public IReadOnlyList<OfficeEntry> Current(int year, DateTimeOffset? asOf = null)
    {
        using var c = database.Open();
        return c.Query<(string UnitCode, string Kind, double Points, string Reason, long Row)>("""
                SELECT unit_code, kind, points, reason, source_row FROM assessment_entries
                WHERE import_id = (SELECT MAX(id) FROM imports WHERE kind = @kind AND imported_at <= @asOf) ORDER BY id
                """, new { kind = Kind(year), asOf = (asOf ?? DateTimeOffset.MaxValue).Stored() })
            .Select(r => new OfficeEntry(r.UnitCode, r.Kind, r.Points, r.Reason, (int)r.Row)).ToArray();
    }

    private static string Kind(int year) => $"assessment/{year}";

    internal static List<OfficeEntry> Parse(string path, string file, IReadOnlyList<Unit> units, AssessmentScheme scheme)
    {
        var (sheet, map) = RegistrySheet.Open(path, file, Columns, "考核加减分表");
        var resolver = new UnitResolver(units);
        var kinds = new[] { OfficeEntry.Bonus, OfficeEntry.Deduction }.Concat(scheme.Vetoes.Keys).ToArray();
        var errors = new List<ImportError>();
        var entries = new List<OfficeEntry>();
        foreach (var row in sheet.Rows.Where(r => r.Number > map.HeaderRow && !r.IsBlank))
        {
            void Error(string key, string problem) => errors.Add(new(file, row.Number, map.Describe(Columns.First(c => c.Key == key)), problem));
            var unitText = map.Text(row, "unit");
            var unit = resolver.Resolve(unitText);
            if (unitText.Length == 0) Error("unit", "单位为空。");
            else if (resolver.Candidates(unitText) is { Count: > 0 } many) Error("unit", $"“{unitText}”同时可以指 {string.Join("、", many)}，请写单位全称或代码。");
            else if (unit is null) Error("unit", $"单位“{unitText}”不在单位名录中。");

            var kind = TextNormalizer.Narrow(map.Text(row, "kind"));
            if (!kinds.Contains(kind)) Error("kind", $"类型“{kind}”不是 {string.Join("、", kinds)} 之一（否决事项以 {scheme.Year} 年度细则为准）。");

            var isPoints = kind is OfficeEntry.Bonus or OfficeEntry.Deduction;
            var pointsText = TextNormalizer.Narrow(map.Text(row, "points")).TrimStart('+', '-');
            double points = 0;
            if (isPoints && (!double.TryParse(pointsText, NumberStyles.Float, CultureInfo.InvariantCulture, out points) || points <= 0 || points > 100))
                Error("points", $"分值“{map.Text(row, "points")}”应为大于 0 的数字，例如 1 或 0.5（加分、扣分都写正数，由类型区分）。");

            var reason = map.Text(row, "reason");
            if (reason.Length == 0) Error("reason", "事由为空：每条加减分和否决事项都要写明事由和依据（文件、表彰名称等），它会印在反馈单上。");
            entries.Add(new OfficeEntry(unit ?? "", kind, isPoints ? points : 0, reason, row.Number));
        }
        if (errors.Count > 0) throw new RegistryImportException(errors);
        return entries;
    }
}
