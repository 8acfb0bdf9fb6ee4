using System.Text;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace ReportWorker.Tests.Forms;

public sealed class GeneratedFormTests : IDisposable
{
    private static readonly ReportMonth March = new(2025, 3);
    private static readonly ReportMonth April = new(2025, 4);
    private static readonly string[] Headers = ["任务编号", "类别", "任务内容", "责任类型", "完成时限", "状态", "完成进度（%）", "进展情况", "存在问题", "下步计划"];
    private readonly TestWorld _world = new();

    public GeneratedFormTests() => _world.ImportSmallRegistry();
    public void Dispose() => _world.Dispose();

    [Fact]
    public void Form_read_by_ExcelDataReader_has_the_header_and_one_row_per_task_the_unit_leads_or_shares_and_nothing_else()
    {
        var path = Generate(March, "U02");

        var sheets = ReadWithExcelDataReader(path);

        var form = sheets["填报表"].Rows;
        Assert.Equal("visible", sheets["填报表"].State);
        Assert.Contains("2025年3月", form[0][0]);
        Assert.Contains("海南省审计厅", form[1][0]);
        Assert.Contains("单位代码：U02", form[1][0]);
        Assert.Equal(Headers, form[3].Take(10));
        var data = form.Skip(4).Where(r => r.Any(c => c.Length > 0)).ToArray();
        string[][] expected =
        [
            ["A-002", "A 突出政治建设", "完善机关党建主体责任清单", "配合", "2025年3月31日", "", "", "", "", ""],
            ["B-001", "B 围绕封关运作", "组建封关运作党员突击队", "配合", "2025年6月30日", "", "", "", "", ""],
            ["C-001", "C 围绕高质量发展", "开展审计领域党建与业务融合试点", "牵头", "2025年2月28日", "", "", "", "", ""],
            ["C-002", "C 围绕高质量发展", "为企业办实事清单", "牵头", "2025年12月31日", "", "", "", "", ""],
        ];
        Assert.Equal(expected, data.Select(r => r.Take(10).ToArray()));
        Assert.Equal(8, form.Count(r => r.Any(c => c.Length > 0)));
        Assert.All(form, r => Assert.All(r.Skip(10), c => Assert.Equal("", c)));
    }

    [Fact]
    public void Form_for_each_unit_lists_exactly_its_own_tasks()
    {
        var forms = _world.Get<FormService>().Generate(March, null, Path.Combine(_world.Root, "out"), send: false);

        var codes = forms.ToDictionary(f => f.Unit.Code, f => ReadWithExcelDataReader(f.Path)["填报表"].Rows.Skip(4).Select(r => r[0]).Where(c => c.Length > 0).ToArray());
        Assert.Equal(["A-001", "A-002", "B-001", "F-001"], codes["U01"]);
        Assert.Equal(["A-002", "B-001", "C-001", "C-002"], codes["U02"]);
        Assert.Equal(["B-001", "C-002", "E-001"], codes["U03"]);
        Assert.Equal([4, 4, 3], forms.Select(f => f.TaskCount));
        Assert.All(forms, f => Assert.False(f.Queued));
    }

    [Fact]
    public void Form_passes_OpenXml_validation_with_zero_errors()
    {
        var path = Generate(March, "U01");
        using var document = SpreadsheetDocument.Open(path, false);

        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document, TestContext.Current.CancellationToken).ToArray();

        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Form_offers_the_four_statuses_as_a_list_and_checks_percent_is_a_decimal_from_0_to_100()
    {
        var path = Generate(March, "U02");
        using var document = SpreadsheetDocument.Open(path, false);

        var validations = FormSheet(document).Descendants<X.DataValidation>().ToArray();

        Assert.Equal(2, validations.Length);
        var status = validations.Single(v => v.Type?.Value == X.DataValidationValues.List);
        Assert.Equal("F5:F8", status.SequenceOfReferences!.InnerText);
        Assert.Equal("\"已完成,序时推进,滞后,未启动\"", status.Formula1!.Text);
        Assert.True(status.ShowErrorMessage?.Value);
        var percent = validations.Single(v => v.Type?.Value == X.DataValidationValues.Decimal);
        Assert.Equal("G5:G8", percent.SequenceOfReferences!.InnerText);
        Assert.Equal(X.DataValidationOperatorValues.Between, percent.Operator?.Value);
        Assert.Equal(("0", "100"), (percent.Formula1!.Text, percent.Formula2!.Text));
        Assert.True(percent.ShowErrorMessage?.Value);
    }

    [Fact]
    public void Form_sheet_is_protected_with_the_input_columns_unlocked_and_the_prefilled_columns_locked()
    {
        var path = Generate(March, "U02");
        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = FormSheet(document);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<X.CellFormat>().ToArray();

        var protection = Assert.Single(sheet.Descendants<X.SheetProtection>());
        Assert.True(protection.Sheet?.Value);
        foreach (var row in Enumerable.Range(5, 4))
            foreach (var column in "ABCDEFGHIJ")
            {
                var cell = sheet.Descendants<X.Cell>().SingleOrDefault(c => c.CellReference == $"{column}{row}");
                Assert.NotNull(cell);
                var format = formats[(int)(cell.StyleIndex?.Value ?? 0)];
                // Excel's default for a cell format without <protection> is locked.
                var locked = format.Protection?.Locked?.Value ?? true;
                Assert.True(format.ApplyProtection?.Value ?? true);
                Assert.Equal("ABCDE".Contains(column), locked);
            }
        // The header and title rows are locked too.
        var header = sheet.Descendants<X.Cell>().Single(c => c.CellReference == "F4");
        Assert.True(formats[(int)header.StyleIndex!.Value].Protection?.Locked?.Value ?? true);
    }

    [Fact]
    public void Form_has_an_instructions_sheet_a_very_hidden_meta_sheet_and_custom_properties_naming_unit_and_month()
    {
        var path = Generate(March, "U03");

        var sheets = ReadWithExcelDataReader(path);
        using var document = SpreadsheetDocument.Open(path, false);

        Assert.Equal(["填报表", "填报说明", "_meta"], sheets.Keys.ToArray());
        Assert.Equal("visible", sheets["填报说明"].State);
        Assert.Contains(sheets["填报说明"].Rows, r => r[0].Contains("已完成") && r[0].Contains("序时推进") && r[0].Contains("滞后") && r[0].Contains("未启动"));
        Assert.Contains(sheets["填报说明"].Rows, r => r[0].Contains("2025年4月7日")); // due date: the 5th falls in the 清明 holiday
        Assert.Equal("veryhidden", sheets["_meta"].State);
        var meta = sheets["_meta"].Rows.ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(("U03", "2025-03", "B-001,C-002,E-001"), (meta["unit"], meta["month"], meta["tasks"]));
        var metaSheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<X.Sheet>().Single(s => s.Name == "_meta");
        Assert.Equal(X.SheetStateValues.VeryHidden, metaSheet.State?.Value);
        var properties = document.CustomFilePropertiesPart!.Properties!.Elements<CustomDocumentProperty>().ToDictionary(p => p.Name!.Value!, p => p.InnerText);
        Assert.Equal("U03", properties[FormWriter.UnitProperty]);
        Assert.Equal("2025-03", properties[FormWriter.MonthProperty]);
    }

    [Fact]
    public void Next_months_form_is_prefilled_with_last_months_answers()
    {
        var march = _world.FilledForm("U02", March, e =>
        {
            e.Text($"F{e.RowOf("C-001")}", "已完成").Number($"G{e.RowOf("C-001")}", 100).Text($"H{e.RowOf("C-001")}", "试点已于3月完成并通过验收。");
            e.Text($"F{e.RowOf("C-002")}", "滞后").Number($"G{e.RowOf("C-002")}", 30)
                .Text($"H{e.RowOf("C-002")}", "已梳理清单。").Text($"I{e.RowOf("C-002")}", "企业走访未完成。").Text($"J{e.RowOf("C-002")}", "4月底前完成走访。");
            e.Number($"G{e.RowOf("B-001")}", 62.5);
        });
        Assert.True(_world.TakeIn("march.xlsx", march).IsAccepted);

        var path = Generate(April, "U02");

        var rows = ReadWithExcelDataReader(path)["填报表"].Rows.Skip(4).Where(r => r[0].Length > 0).ToDictionary(r => r[0]);
        Assert.Contains("2025年4月", ReadWithExcelDataReader(path)["填报表"].Rows[0][0]);
        Assert.Equal(["已完成", "100", "试点已于3月完成并通过验收。"], rows["C-001"][5..8]);
        Assert.Equal(["滞后", "30", "已梳理清单。", "企业走访未完成。", "4月底前完成走访。"], rows["C-002"][5..10]);
        Assert.Equal(["序时推进", "62.5", "按计划推进，已完成阶段任务。", "", "继续推进。"], rows["B-001"][5..10]);
        Assert.Equal(["序时推进", "50"], rows["A-002"][5..7]);
        using var document = SpreadsheetDocument.Open(path, false);
        var percentCell = FormSheet(document).Descendants<X.Cell>().Single(c => c.CellReference == "G7");
        Assert.Null(percentCell.DataType); // a number, not text, so the 0–100 check and sums work
    }

    [Fact]
    public void Form_is_not_prefilled_from_another_unit_or_a_later_month()
    {
        Assert.True(_world.TakeIn("u01.xlsx", _world.FilledForm("U01", March)).IsAccepted);
        _world.SetLocalTime(2025, 5, 3);
        Assert.True(_world.TakeIn("u02-april.xlsx", _world.FilledForm("U02", April)).IsAccepted);

        var path = Generate(March, "U02");

        var rows = ReadWithExcelDataReader(path)["填报表"].Rows.Skip(4).Where(r => r[0].Length > 0).ToArray();
        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.All(r[5..10], c => Assert.Equal("", c)));
    }

    private string Generate(ReportMonth month, string unit)
    {
        var generated = Assert.Single(_world.Get<FormService>().Generate(month, unit, Path.Combine(_world.Root, "out"), send: false));
        Assert.True(File.Exists(generated.Path));
        return generated.Path;
    }

    private static X.Worksheet FormSheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<X.Sheet>().Single(s => s.Name == "填报表");
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!;
    }

    private sealed record ReadSheet(string State, List<string[]> Rows);

    /// <summary>Every sheet as ExcelDataReader sees it: cells as invariant text, rows padded to the widest.</summary>
    private static Dictionary<string, ReadSheet> ReadWithExcelDataReader(string path)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new Dictionary<string, ReadSheet>();
        do
        {
            var rows = new List<string[]>();
            while (reader.Read())
                rows.Add(Enumerable.Range(0, reader.FieldCount)
                    .Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray());
            var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
            sheets[reader.Name] = new ReadSheet(reader.VisibleState, rows.Select(r => r.Concat(Enumerable.Repeat("", width - r.Length)).ToArray()).ToList());
        } while (reader.NextResult());
        return sheets;
    }
}
