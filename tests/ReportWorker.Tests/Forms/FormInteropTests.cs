using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ReportWorker.Forms;
using ReportWorker.Ledger;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Forms;

/// <summary>The form as other spreadsheet programs open, export and save it: LibreOffice and openpyxl.</summary>
public sealed class FormInteropTests : IDisposable
{
    private static readonly ReportMonth March = new(2025, 3);
    private const string SystemPython = "/usr/bin/python3";
    private readonly TestWorld _world = new();

    public FormInteropTests() => _world.ImportSmallRegistry();
    public void Dispose() => _world.Dispose();

    [Fact]
    public void LibreOffice_exports_the_form_to_a_utf8_csv_holding_every_task_code_and_content_of_the_unit()
    {
        var soffice = RequireSoffice();
        var form = Assert.Single(_world.Get<FormService>().Generate(March, "U02", Folder("out"), send: false)).Path;

        var csv = ConvertWithLibreOffice(soffice, form, Folder("csv"), "csv:Text - txt - csv (StarCalc):44,34,76,1");

        var bytes = File.ReadAllBytes(csv);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); // throws if not UTF-8
        var rows = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CsvFields).ToArray();
        Assert.Equal(["任务编号", "类别", "任务内容", "责任类型", "完成时限", "状态", "完成进度（%）", "进展情况", "存在问题", "下步计划"], rows[3]);
        var data = rows.Skip(4).Where(r => r.Any(f => f.Length > 0)).Select(r => (r[0], r[2], r[4])).ToArray();
        Assert.Equal(
        [
            ("A-002", "完善机关党建主体责任清单", "2025年3月31日"),
            ("B-001", "组建封关运作党员突击队", "2025年6月30日"),
            ("C-001", "开展审计领域党建与业务融合试点", "2025年2月28日"),
            ("C-002", "为企业办实事清单", "2025年12月31日"),
        ], data);
        Assert.Contains("海南省审计厅", rows[1][0]);
    }

    /// <summary>One CSV line as LibreOffice writes it (text quoted, quotes doubled; no line breaks in these cells).</summary>
    private static string[] CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    [Fact]
    public void Accepts_a_filled_form_exported_to_csv_by_LibreOffice_recognising_unit_and_month_from_the_info_line()
    {
        var soffice = RequireSoffice();
        var filled = Path.Combine(Folder("filled"), "filled.xlsx");
        File.WriteAllBytes(filled, _world.FilledForm("U02", March, e => e.Text($"F{e.RowOf("C-001")}", "已完成").Number($"G{e.RowOf("C-001")}", 100)));
        var csv = ConvertWithLibreOffice(soffice, filled, Folder("csv"), "csv:Text - txt - csv (StarCalc):44,34,76,1");

        var outcome = _world.TakeIn("U02-3月.csv", File.ReadAllBytes(csv));

        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        Assert.Equal(("U02", "2025-03"), (outcome.UnitCode, outcome.Month));
        var entries = Entries("U02");
        Assert.Equal(["A-002", "B-001", "C-001", "C-002"], entries.Keys.Order());
        Assert.Equal((ReportStatus.Completed, 100d), (entries["C-001"].Status, entries["C-001"].Percent));
        Assert.Equal((ReportStatus.OnSchedule, 50d), (entries["C-002"].Status, entries["C-002"].Percent));
    }

    [Fact]
    public void Accepts_a_filled_form_resaved_as_xlsx_by_LibreOffice()
    {
        var soffice = RequireSoffice();
        var filled = Path.Combine(Folder("filled"), "filled.xlsx");
        File.WriteAllBytes(filled, _world.FilledForm("U03", March, e =>
            e.Text($"F{e.RowOf("E-001")}", "滞后").Number($"G{e.RowOf("E-001")}", 35.5).Text($"I{e.RowOf("E-001")}", "社区报到人数不足")));
        var resaved = ConvertWithLibreOffice(soffice, filled, Folder("resaved"), "xlsx:Calc MS Excel 2007 XML");

        var outcome = _world.TakeIn("resaved.xlsx", File.ReadAllBytes(resaved));

        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        Assert.Equal("U03", outcome.UnitCode);
        var entries = Entries("U03");
        Assert.Equal(["B-001", "C-002", "E-001"], entries.Keys.Order());
        Assert.Equal((ReportStatus.Lagging, 35.5, "社区报到人数不足"), (entries["E-001"].Status, entries["E-001"].Percent, entries["E-001"].Problems));
    }

    [Fact]
    public void Accepts_a_form_filled_and_saved_by_openpyxl_and_records_its_values()
    {
        RequireOpenpyxl();
        var form = Assert.Single(_world.Get<FormService>().Generate(March, "U02", Folder("out"), send: false)).Path;
        var saved = Path.Combine(Folder("py"), "审计厅3月.xlsx");
        var answers = new Dictionary<string, object[]>
        {
            ["A-002"] = ["已完成", 100, "责任清单已印发。"],
            ["B-001"] = ["序时推进", 45, "突击队已组建第一批。"],
            ["C-001"] = ["序时推进", "80%", "试点方案已报批。"],
            ["C-002"] = ["序时推进", 12.5, "正在梳理企业需求。"],
        };

        var script = Path.Combine(Folder("py"), "fill.py");
        File.WriteAllText(script, """
            import json, sys
            import openpyxl
            source, target, answers = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
            wb = openpyxl.load_workbook(source)
            ws = wb["填报表"]
            filled = 0
            for row in range(5, ws.max_row + 1):
                code = ws.cell(row=row, column=1).value
                if code in answers:
                    status, percent, progress = answers[code]
                    ws.cell(row=row, column=6).value = status
                    ws.cell(row=row, column=7).value = percent
                    ws.cell(row=row, column=8).value = progress
                    filled += 1
            wb.save(target)
            print(filled)
            """);
        var (exit, stdout, stderr) = Run(SystemPython, [script, form, saved, JsonSerializer.Serialize(answers)], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, stderr);
        Assert.Equal("4", stdout.Trim());

        var outcome = _world.TakeIn("审计厅3月.xlsx", File.ReadAllBytes(saved));

        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        Assert.Equal(("U02", "2025-03"), (outcome.UnitCode, outcome.Month));
        var entries = Entries("U02");
        Assert.Equal((ReportStatus.Completed, 100d, "责任清单已印发。"), (entries["A-002"].Status, entries["A-002"].Percent, entries["A-002"].Progress));
        Assert.Equal((ReportStatus.OnSchedule, 45d, "突击队已组建第一批。"), (entries["B-001"].Status, entries["B-001"].Percent, entries["B-001"].Progress));
        Assert.Equal((ReportStatus.OnSchedule, 80d, "试点方案已报批。"), (entries["C-001"].Status, entries["C-001"].Percent, entries["C-001"].Progress));
        Assert.Equal((ReportStatus.OnSchedule, 12.5, "正在梳理企业需求。"), (entries["C-002"].Status, entries["C-002"].Percent, entries["C-002"].Progress));
        Assert.All(entries.Values, e => Assert.Equal(("", ""), (e.Problems, e.NextSteps)));
    }

    private Dictionary<string, ReportEntry> Entries(string unit)
    {
        var store = _world.Get<SubmissionStore>();
        return store.Entries(store.InForce(March).Single(s => s.UnitCode == unit).Id).ToDictionary(e => e.TaskCode);
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_world.Root, name)).FullName;

    private static string RequireSoffice()
    {
        var soffice = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists);
        if (soffice is null) Assert.Skip("soffice (LibreOffice) is not on PATH; CI installs it.");
        return soffice;
    }

    private static void RequireOpenpyxl()
    {
        if (!File.Exists(SystemPython)) Assert.Skip($"{SystemPython} is missing; CI installs python3-openpyxl.");
        var (exit, _, _) = Run(SystemPython, ["-c", "import openpyxl"], TimeSpan.FromSeconds(30));
        if (exit != 0) Assert.Skip($"openpyxl is not installed for {SystemPython}; CI installs python3-openpyxl.");
    }

    /// <summary>Converts with a private LibreOffice profile so parallel runs do not share (and lock) one.</summary>
    private string ConvertWithLibreOffice(string soffice, string input, string outDir, string filter)
    {
        var profile = Path.Combine(Path.GetTempPath(), $"lo-{Guid.NewGuid():N}");
        try
        {
            var (exit, stdout, stderr) = Run(soffice,
                [$"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, input],
                TimeSpan.FromMinutes(2));
            var extension = filter[..filter.IndexOf(':')];
            var output = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + "." + extension);
            Assert.True(exit == 0 && File.Exists(output), $"soffice exit {exit}\n{stdout}\n{stderr}");
            return output;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} did not finish within {timeout}.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
