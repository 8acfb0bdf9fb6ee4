using Dapper;
using Microsoft.Data.Sqlite;
using ReportWorker.Cli;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Demo;

/// <summary>`demo` on a fresh data folder, twice, through the real executable.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rw-demo-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Demo_leaves_ledger_archive_and_receipts_and_a_second_run_duplicates_nothing()
    {
        var samples = DemoCommand.FindSamples() ?? throw new InvalidOperationException("samples/ not found above the test binaries");
        var data = Path.Combine(_root, "data");
        var env = new Dictionary<string, string> { ["Data__Root"] = data };
        var expectedFiles = File.ReadLines(Path.Combine(samples, "manifest.csv")).Skip(1).Count(l => l.Length > 0);

        var first = WorkerProcess.Run(_root, env, "demo", "--samples", samples);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"收取 {expectedFiles} 份文件", first.Output);
        var emlAfterFirst = Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml").Length;
        var answers = Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml").Count(f => f.Contains("-receipt-") || f.Contains("-rejection"));

        var second = WorkerProcess.Run(_root, env, "demo", "--samples", samples);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("所有示例报表此前都已收取", second.Output);

        Assert.Equal(expectedFiles, answers);                       // one answer per file received
        Assert.Single(Directory.GetFiles(Path.Combine(data, "outbox"), "*-quarterly-notice.eml"));
        // The leaders' copy, and the circular to the 40 units with every liaison in Bcc once (500 to a message).
        var notices = Directory.GetFiles(Path.Combine(data, "outbox"), "*-monthly-notice*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToArray();
        var liaisons = notices.SelectMany(m => m.Bcc.Mailboxes).Select(a => a.Address).ToArray();
        Assert.Single(notices, m => m.To.Mailboxes.Any(a => a.Address == "shuji@example.gov.cn"));
        Assert.Equal(liaisons.Length, liaisons.Distinct().Count());
        Assert.True(liaisons.Length >= 40, $"{liaisons.Length} liaisons");
        Assert.Equal(1 + (liaisons.Length + 499) / 500, notices.Length);
        Assert.True(File.Exists(Path.Combine(data, "briefings", "2025-03", "2025-03-月通报.pdf")));
        Assert.Equal(emlAfterFirst, Directory.GetFiles(Path.Combine(data, "outbox"), "*.eml").Length);
        Assert.Equal(expectedFiles, Directory.GetFiles(Path.Combine(data, "archive"), "*", SearchOption.AllDirectories).Length);
        using var c = new SqliteConnection($"Data Source={Path.Combine(data, "reportworker.db")}");
        c.Open();
        Assert.Equal(expectedFiles, c.ExecuteScalar<long>("SELECT COUNT(*) FROM received_files"));
        Assert.Equal(3, c.ExecuteScalar<long>("SELECT COUNT(*) FROM received_files WHERE outcome <> 'accepted'"));
        Assert.Equal(40, c.ExecuteScalar<long>("SELECT COUNT(*) FROM units"));
        Assert.Equal(298, c.ExecuteScalar<long>("SELECT COUNT(*) FROM tasks"));
        // Each month one unit is missing; every other unit has exactly one report in force.
        Assert.Equal(39, c.ExecuteScalar<long>("SELECT COUNT(*) FROM submissions WHERE month = '2025-03' AND superseded_by IS NULL"));
        // Each sample the manifest marks bad gets one rejection that names the file and says what is wrong,
        // where: the rows and columns are found in the sample itself, read with a second library.
        var rejections = Directory.GetFiles(Path.Combine(data, "outbox"), "*-rejection*.eml")
            .Select(f => MimeKit.MimeMessage.Load(f, TestContext.Current.CancellationToken).TextBody ?? "").ToArray();
        var bad = File.ReadLines(Path.Combine(samples, "manifest.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f.Length == 4 && f[3].StartsWith("bad:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, bad.Length);
        Assert.Equal(bad.Length, rejections.Length);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(data, "outbox"), "*-rejection-U*.eml").Length); // the PDF renamed .xlsx has no unit: its answer goes to the office
        foreach (var sample in bad)
        {
            var name = Path.GetFileName(sample[1]);
            var text = Assert.Single(rejections, t => t.Contains($"报送的文件“{name}”"));
            Assert.Equal(ExpectedProblems(Path.Combine(samples, "forms", sample[1]), sample[3]), Problems(text));
        }
    }

    /// <summary>The numbered problem lines of a rejection, without the advice under each.</summary>
    private static string[] Problems(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 3 && char.IsAsciiDigit(l[0]) && l[1] == '.').ToArray();

    /// <summary>What the manifest says is wrong with the sample, at the cells where the sample has it.</summary>
    private static string[] ExpectedProblems(string path, string note)
    {
        if (note == "bad: a PDF renamed .xlsx")
            return ["1. 整个文件：文件内容是PDF 文档，不是 Excel 工作簿或 CSV（可能是改了扩展名）。"];
        Assert.Equal("bad: status not in list; 已完成 without progress; percent 120", note);
        var rows = FormRows(path);
        var header = rows.FindIndex(r => r.Contains("状态"));
        int Column(string title) => Array.IndexOf(rows[header], title);
        string Letter(string title) => ((char)('A' + Column(title))).ToString();
        int RowWhere(string title, string value) => rows.FindIndex(header + 1, r => r[Column(title)] == value) + 1;
        var unlisted = RowWhere("状态", "基本完成");
        var overfull = RowWhere("完成进度（%）", "120");
        Assert.Equal("已完成", rows[overfull - 1][Column("状态")]);
        Assert.Equal("", rows[overfull - 1][Column("进展情况")]);
        return
        [
            $"1. “填报表”表 第{unlisted}行 状态（{Letter("状态")}列）：状态“基本完成”不是规定的选项。",
            $"2. “填报表”表 第{overfull}行 完成进度（%）（{Letter("完成进度（%）")}列）：完成进度 120 超出 0–100 的范围。",
            $"3. “填报表”表 第{overfull}行 进展情况（{Letter("进展情况")}列）：状态为“已完成”，但“进展情况”为空。",
        ];
    }

    /// <summary>The 填报表 sheet as ExcelDataReader reads it, one string per cell.</summary>
    private static List<string[]> FormRows(string path)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(stream);
        while (reader.Name != "填报表") Assert.True(reader.NextResult(), $"{path} has no 填报表 sheet");
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray());
        return rows;
    }
}
