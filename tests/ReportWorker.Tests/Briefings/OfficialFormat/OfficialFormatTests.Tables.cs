using System.Text.RegularExpressions;
using ReportWorker.Briefings;
using ReportWorker.Ledger;
using static ReportWorker.Tests.Briefings.OfficialFormat.PdfGeometry;

namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>Tables: rows kept whole on a page, deadlines in one style, black rules and colour only where it means something.</summary>
public sealed partial class OfficialFormatTests
{
    /// <summary>The labels of a 督办单's rows, one table per 督办事项, in order.</summary>
    private static readonly string[] SlipLabels = ["督办等级", "任务", "原完成时限", "督办原因", "最近进展", "整改时限"];

    /// <summary>
    /// Each task row of the 月通报's tables (the 滞后 and 逾期 tables, the attachment) is whole on the page where its code
    /// stands: that page holds the task's whole content and its lead unit, read from the layout's lines. And no row of
    /// any table (the category and unit tables too) is cut across a page break unless alone it is taller than a page,
    /// read from the PDF's cell borders: a cut row's tail is a row on the next page with the same columns and an empty
    /// first cell, which also catches a cut that leaves the content whole and splits only the status.
    /// </summary>
    [Fact]
    public void The_monthly_notices_table_rows_are_never_split_across_pages()
    {
        var doc = issued.Documents.Single(d => d.Kind == DocumentKind.MonthlyNotice);
        var figures = issued.Monthly.Figures;
        var pages = doc.PageLines!;
        var texts = pages.Select(p => Squeeze(string.Concat(p))).ToArray();
        var failures = new List<string>();
        var reported = new HashSet<(string Code, int Page)>();
        var rows = figures.Lagging.Select(s => ("滞后任务表", s)).Concat(figures.Overdue.Select(s => ("逾期任务表", s))).Concat(figures.AllTasks.Select(s => ("附件", s)));
        foreach (var (table, state) in rows)
        {
            var task = state.Task;
            var codePages = Enumerable.Range(0, pages.Count).Where(p => pages[p].Any(l => l.Trim() == task.Code)).ToArray();
            if (codePages.Length == 0) { failures.Add($"{doc} {table}: no line reads “{task.Code}”"); continue; }
            var unit = issued.Units.TryGetValue(task.LeadUnit, out var u) ? u.ShortName : task.LeadUnit;
            var content = Squeeze(task.Content);
            foreach (var p in codePages.Where(p => !texts[p].Contains(content, StringComparison.Ordinal) || !texts[p].Contains(Squeeze(unit), StringComparison.Ordinal)))
            {
                var shown = Enumerable.Range(1, content.Length).LastOrDefault(k => texts[p].Contains(content[..k], StringComparison.Ordinal));
                string[] cut =
                [
                    .. shown < content.Length ? [$"content “{Abbreviate(content[..shown], tail: true)}｜{Abbreviate(content[shown..])}” breaks to page {p + 2}"] : Array.Empty<string>(),
                    .. texts[p].Contains(Squeeze(unit), StringComparison.Ordinal) ? Array.Empty<string>() : [$"lead unit “{unit}” is not whole on the page"],
                ];
                failures.Add($"{doc} {table} row {task.Code}: page {p + 1} holds its code but not the whole row: {string.Join("; ", cut)}");
                reported.Add((task.Code, p + 1));
            }
        }
        var tableRows = RowsOf(doc);
        failures.AddRange(CutRows(doc, tableRows).Where(f => !reported.Contains((f.Row.Texts[0], f.Row.Page))).Select(f => f.Message));
        Assert.True(tableRows.Count > figures.AllTasks.Count, $"{doc}: only {tableRows.Count} table rows read from the PDF");
        NoFailures(failures, "月通报 table rows split across pages");
    }

    /// <summary>
    /// Every 督办事项 of every 督办单 has its eight rows, each once and each whole on one page (read from the PDF's cell
    /// borders, see <see cref="PdfGeometry.TableRows"/>), and the value beside 督办编号, 督办等级, 任务 and 督办原因 is exactly
    /// what the ledger's 督办事项 says.
    /// </summary>
    [Fact]
    public void Every_supervision_slips_rows_are_whole_on_one_page()
    {
        var failures = new List<string>();
        var items = issued.Quarterly.Figures.Items.ToLookup(i => i.State.Task.LeadUnit);
        foreach (var (slip, doc) in issued.Quarterly.Slips.Zip(issued.Documents.Where(d => d.Kind == DocumentKind.SupervisionSlip)))
        {
            var rows = RowsOf(doc);
            failures.AddRange(CutRows(doc, rows).Select(f => f.Message));
            var seen = SlipItems(doc, rows);
            var expected = items[slip.Unit.Code].OrderBy(i => i.Seq).ToArray();
            if (!expected.Select(i => i.Number).SequenceEqual(seen.Keys))
                failures.Add($"{doc}: the slip's 督办事项 are {string.Join(" ", seen.Keys)}, the ledger's {string.Join(" ", expected.Select(i => i.Number))}");
            foreach (var item in expected.Where(i => seen.ContainsKey(i.Number)))
            {
                var labels = seen[item.Number];
                if (!labels.Select(r => r.Texts[0]).SequenceEqual(SlipLabels))
                    failures.Add($"{doc} {item.Number}: rows {string.Join("/", labels.Select(r => $"{r.Texts[0]}(p{r.Page})"))}, expected each of {string.Join("/", SlipLabels)} once");
                var known = new Dictionary<string, string>
                {
                    ["督办等级"] = $"{SupervisionItem.Word(item.Level)}色",
                    ["任务"] = $"{item.State.Task.Code}{item.State.Task.Content}", ["督办原因"] = item.Reason,
                };
                foreach (var row in labels.Where(r => known.ContainsKey(r.Texts[0]) && Squeeze(r.Texts[1]) != Squeeze(known[r.Texts[0]])))
                    failures.Add($"{doc} {item.Number} page {row.Page}: {row.Texts[0]} reads “{Abbreviate(row.Texts[1])}”, the 督办事项 says “{Abbreviate(known[row.Texts[0]])}”");
            }
        }
        NoFailures(failures, "督办单 rows split across pages");
    }

    /// <summary>
    /// Beyond issue 14's rule for rows, measured the same way: a 督办事项's table (eight short rows, half a page at most)
    /// is not cut between its rows either, leaving 督办编号 at the foot of one page and the rest on the next.
    /// </summary>
    [Fact]
    public void Every_supervision_items_table_stays_on_one_page()
    {
        var findings = new List<Finding>();
        foreach (var doc in issued.Documents.Where(d => d.Kind == DocumentKind.SupervisionSlip))
            foreach (var (number, rows) in SlipItems(doc, RowsOf(doc)))
                if (rows.Count > 0 && rows[^1].LastPage > rows[0].Page && rows.FirstOrDefault(r => r.Page > rows[0].Page) is { } next)
                    findings.Add(new(doc, rows[0].Page, $"{number} is cut after its row {rows[rows.IndexOf(next) - 1].Texts[0]}: from {next.Texts[0]} on it is on page {next.Page}"));
        Assert.True(findings.Count == 0, $"督办事项 tables cut across pages: {findings.Count}\n  " +
            string.Join("\n  ", findings.Select(f => $"{f.Doc} page {f.Page}: {f.Detail}")));
    }

    /// <summary>
    /// A 督办单's rows by 督办事项, in order: each item's heading names its number (（一）督〔2025〕Q1-001) and its table starts
    /// at its 督办等级 row; the n-th table belongs to the n-th heading.
    /// </summary>
    private static Dictionary<string, List<TableRow>> SlipItems(Measured doc, IReadOnlyList<TableRow> rows)
    {
        var numbers = doc.Lines.SelectMany(l => l).Select(l => SlipHeading().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToArray();
        var items = new Dictionary<string, List<TableRow>>();
        List<TableRow>? current = null;
        var n = 0;
        foreach (var row in rows.Where(r => r.Texts.Count == 2))
        {
            if (row.Texts[0] == "督办等级") items[n < numbers.Length ? numbers[n++] : $"(no heading {++n})"] = current = [];
            current?.Add(row);
        }
        return items;
    }

    [GeneratedRegex(@"^（[一二三四五六七八九十]+）(督〔\d{4}〕Q\d-\d{3})$")]
    private static partial Regex SlipHeading();

    /// <summary>Not named in issue 14, measured the same way: the 季督办's and the 考核结果通报's table rows are not cut across pages either.</summary>
    [Fact]
    public void The_quarterly_summarys_and_assessment_notices_table_rows_are_never_split_across_pages()
    {
        var failures = issued.Documents.Where(d => d.Kind is DocumentKind.QuarterlySummary or DocumentKind.AssessmentNotice)
            .SelectMany(d => CutRows(d, RowsOf(d)).Select(f => f.Message)).ToArray();
        NoFailures(failures, "季督办 and 考核结果通报 table rows split across pages");
    }

    /// <summary>
    /// Deadlines read YYYY年M月D日 (or 长期坚持, 常态化, 持续推进), never 2025-03-31, 2025/12/31 or 2025年4月底: in every 完成时限
    /// column of the 月通报 and the 季督办 (原完成时限, 整改时限), beside 原完成时限 and 整改时限 on every 督办单, and where a 督办原因
    /// quotes one (完成时限（…）已到), read from the PDF's cells (a row cut across pages read whole).
    /// </summary>
    [Fact]
    public void Deadlines_are_written_as_year_month_day_everywhere_they_are_shown()
    {
        string[] columns = ["完成时限", "原完成时限", "整改时限"];
        var shown = new List<(Measured Doc, int Page, string Column, string Value)>();
        foreach (var doc in issued.Documents.Where(d => d.Kind is DocumentKind.MonthlyNotice or DocumentKind.QuarterlySummary))
        {
            TableRow? header = null;
            foreach (var row in RowsOf(doc))
            {
                if (row.Texts.Any(columns.Contains)) { header = row; continue; }
                shown.AddRange(row.Texts.SelectMany(t => QuotedDeadline().Matches(t)).Select(m => (doc, row.Page, "督办原因 完成时限（…）", m.Groups[1].Value)));
                if (header is null || !header.Layout.SequenceEqual(row.Layout)) continue;
                for (var c = 0; c < row.Texts.Count; c++)
                    if (columns.Contains(header.Texts[c]) && row.Texts[c].Length > 0) shown.Add((doc, row.Page, header.Texts[c], row.Texts[c]));
            }
        }
        foreach (var doc in issued.Documents.Where(d => d.Kind == DocumentKind.SupervisionSlip))
            foreach (var row in RowsOf(doc).Where(r => r.Texts.Count == 2))
            {
                if (columns.Contains(row.Texts[0])) shown.Add((doc, row.Page, row.Texts[0], row.Texts[1]));
                // The reason quotes the deadline: 完成时限（2025年3月31日）已到….
                if (row.Texts[0] == "督办原因")
                    shown.AddRange(QuotedDeadline().Matches(row.Texts[1]).Select(m => (doc, row.Page, "督办原因 完成时限（…）", m.Groups[1].Value)));
            }

        Assert.Contains(shown, s => s.Doc.Kind == DocumentKind.MonthlyNotice);
        Assert.Contains(shown, s => s.Doc.Kind == DocumentKind.SupervisionSlip);
        var failures = shown.Where(s => !ChineseDate().IsMatch(s.Value) && !GbT9704.UndatedDeadlines.Contains(s.Value))
            .GroupBy(s => (Doc: s.Doc.Kind == DocumentKind.SupervisionSlip ? "2025Q1 督办单" : s.Doc.Name, s.Column, s.Value))
            .Select(g => $"{g.Key.Doc} {g.Key.Column} “{g.Key.Value}” ×{g.Count()} (e.g. {g.First().Doc} page {g.First().Page})").ToArray();
        NoFailures(failures, "deadlines not written YYYY年M月D日");
    }

    /// <summary>
    /// Table rules are black, and a cell is filled with a colour (anything but white, black or grey) only when its text
    /// names a 督办 level (红色, 黄色, 蓝色): the fills and borders read from the PDF's paths, a cell being a filled rectangle
    /// with a stroked border of the same bounds and text inside (a chart's bars have none).
    /// </summary>
    [Fact]
    public void Tables_are_ruled_in_black_and_coloured_only_where_a_colour_names_a_level()
    {
        var failures = new List<string>();
        foreach (var doc in issued.Documents)
        {
            var fills = doc.Pages.SelectMany(FilledCells).Where(f => f.Cell.Text.Length > 0 && !f.Neutral && !GbT9704.LevelWords.Any(f.Cell.Text.Contains)).ToArray();
            foreach (var fill in fills.GroupBy(f => f.Fill))
                failures.Add($"{doc}: {fill.Count()} cell(s) filled {fill.Key}, e.g. “{string.Join("”, “", fill.Select(f => f.Cell.Text).Distinct().Take(4))}” (pages {string.Join(", ", fill.Select(f => f.Cell.Page).Distinct())})");
            var borders = doc.Pages.SelectMany(p => Rows(Cells(p)).Where(r => r.Count >= 2 && r.Any(c => c.Text.Length > 0)).SelectMany(r => r))
                .Where(c => !c.BlackStroke).ToArray();
            foreach (var border in borders.GroupBy(c => c.StrokeColor))
                failures.Add($"{doc}: {border.Count()} table cell border(s) drawn in {border.Key}, e.g. page {border.First().Page}");
        }
        NoFailures(failures, "table colours");
    }

    /// <summary>
    /// The document's table rows, cut rows put together. The 季督办's list sets the 督办编号 on two lines (督〔2025〕 / Q1-001),
    /// so there a tail is also a row whose first cell is not a whole 督办编号.
    /// </summary>
    private static IReadOnlyList<TableRow> RowsOf(Measured doc) => doc.Kind == DocumentKind.QuarterlySummary
        ? TableRows(doc.Pages, t => t[0].Length == 0 && t.Skip(1).Any(x => x.Length > 0) || t.Count == 6 && t[0].Length > 0 && t[0] != "督办编号" && !ItemNumber().IsMatch(t[0]))
        : TableRows(doc.Pages);

    /// <summary>Rows cut across a page break though not taller than a page, and tails that continue nothing.</summary>
    private static IEnumerable<(TableRow Row, string Message)> CutRows(Measured doc, IReadOnlyList<TableRow> rows)
    {
        var blockTop = BlockTop(doc.Pages[0]);
        foreach (var row in rows.Where(r => r.Split && !r.TallerThanAPage(rows, blockTop)))
            yield return (row, $"{doc} pages {row.Page}–{row.LastPage}: the row “{Abbreviate(row.Texts[0])}” is cut: " +
                string.Join(" ／ ", row.Parts.Select((p, i) => $"page {row.Page + i}: “{Abbreviate(string.Join(" | ", p.Where(t => t.Length > 0)))}”")));
        foreach (var row in rows.Where(r => r.Orphan))
            yield return (row, $"{doc} page {row.Page}: the first row looks like the rest of a cut row (empty or partial first cell) but page {row.Page - 1} ends with no row of its table: “{Abbreviate(string.Join(" | ", row.Texts))}”");
    }

    private static string Abbreviate(string text, bool tail = false) =>
        text.Length <= 40 ? text : tail ? "…" + text[^38..] : text[..38] + "…";

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")] private static partial Regex ChineseDate();
    [GeneratedRegex(@"完成时限（([^）]*)）")] private static partial Regex QuotedDeadline();
    [GeneratedRegex(@"^督〔\d{4}〕Q\d-\d{3}$")] private static partial Regex ItemNumber();
}
