namespace ReportWorker.Tests.Demo;

/// <summary>What a rejection of a bad sample must say, found in the sample itself with a second library (ExcelDataReader).</summary>
internal static class SampleProblems
{
    /// <summary>The numbered problem lines of a rejection, without the advice under each.</summary>
    public static string[] Numbered(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 3 && char.IsAsciiDigit(l[0]) && l[1] == '.').ToArray();

    /// <summary>What the manifest says is wrong with the sample, at the cells where the sample has it.</summary>
    public static string[] Expected(string path, string note)
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
