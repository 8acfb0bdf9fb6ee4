using System.Text;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Rendering;
using ReportWorker.Documents.Text;

namespace ReportWorker.Benchmarks;

/// <summary>
/// The benchmark document: pages of Chinese paragraphs and tables drawing on about 2,000 distinct
/// characters (GB2312 level 1, the everyday set), the same content as HTML for the Chromium run.
/// </summary>
public sealed class BenchmarkCorpus
{
    private readonly List<(string Kind, string[] Cells)> _blocks = [];

    public BenchmarkCorpus(int pages, int distinctCharacters = 2000)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("gb2312");
        var pool = new List<char>();
        for (var hi = 0xB0; hi <= 0xD7 && pool.Count < distinctCharacters; hi++)
            for (var lo = 0xA1; lo <= 0xFE && pool.Count < distinctCharacters; lo++)
                if (gb.GetString([(byte)hi, (byte)lo]) is [var c] && c != '\uFFFD') pool.Add(c);
        var random = new Random(42);
        var next = 0;
        string Sentence(int length)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                // Walk the pool so every character appears; sprinkle numbers and punctuation as reports do.
                sb.Append(pool[next++ % pool.Count]);
                if (i % 13 == 12) sb.Append(random.Next(4) switch { 0 => "，", 1 => "、", 2 => $"{random.Next(2000, 2030)}年", _ => $"{random.Next(100)}.{random.Next(10)}%" });
            }
            return sb.Append('。').ToString();
        }
        // About 22 lines × 28 characters per page of prose; every third page a table.
        for (var p = 0; p < pages; p++)
        {
            if (p % 3 == 2)
            {
                _blocks.Add(("h", [$"{p / 3 + 1}.分项统计表"]));
                for (var r = 0; r < 16; r++) _blocks.Add(("row", [$"{r + 1}", Sentence(6), Sentence(18), $"{random.Next(100)}%"]));
            }
            else
            {
                _blocks.Add(("h", [$"（{p + 1}）推进情况"]));
                for (var para = 0; para < 4; para++) _blocks.Add(("p", [Sentence(130)]));
            }
        }
        DistinctCharacters = _blocks.SelectMany(b => b.Cells).SelectMany(s => s).Distinct().Count();
    }

    public int DistinctCharacters { get; }

    public Document Document()
    {
        var doc = new Document(new DocumentMetadata("基准测试文档", "ReportWorker", "benchmark", new DateTimeOffset(2025, 4, 8, 9, 0, 0, TimeSpan.FromHours(8))));
        doc.Add(new Title("关于省直机关党建工作任务推进情况的通报（基准测试）"));
        var rows = new List<IReadOnlyList<Cell>>();
        void FlushTable()
        {
            if (rows.Count == 0) return;
            doc.Add(new Table([1, 3, 8, 1.5f], [[new Cell("序号", TextAlign.Center), new Cell("单位", TextAlign.Center), new Cell("进展情况", TextAlign.Center), new Cell("进度", TextAlign.Center)]], [.. rows]));
            rows.Clear();
        }
        foreach (var (kind, cells) in _blocks)
        {
            if (kind == "row") { rows.Add([new Cell(cells[0], TextAlign.Center), cells[1], cells[2], new Cell(cells[3], TextAlign.Right)]); continue; }
            FlushTable();
            doc.Add(kind == "h" ? new Heading(2, cells[0]) : new Paragraph(cells[0]));
        }
        FlushTable();
        return doc;
    }

    /// <summary>The same content as an HTML page styled like the PDF, with the same fonts, for Chromium to print.</summary>
    public string Html(string fontsFolder)
    {
        var sb = new StringBuilder($$"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
            @font-face { font-family: Body; src: url("file://{{fontsFolder}}/NotoSerifSC-Regular.ttf"); }
            @font-face { font-family: Title; src: url("file://{{fontsFolder}}/NotoSerifSC-Black.ttf"); }
            @font-face { font-family: Kai; src: url("file://{{fontsFolder}}/WenKaiGB2312-Regular.ttf"); }
            @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
            body { font-family: Body; font-size: 16pt; line-height: 28.9pt; text-align: justify; }
            h1 { font-family: Title; font-size: 22pt; text-align: center; font-weight: normal; }
            h2 { font-family: Kai; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
            p { text-indent: 2em; margin: 0; line-break: strict; }
            table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.45; }
            thead { display: table-header-group; } tr { break-inside: auto; }
            td, th { border: 0.5pt solid black; padding: 1.2mm; } th { background: #e8eef6; }
            </style></head><body><h1>关于省直机关党建工作任务推进情况的通报（基准测试）</h1>
            """);
        var inTable = false;
        foreach (var (kind, cells) in _blocks)
        {
            if (kind == "row")
            {
                if (!inTable) { sb.Append("<table><thead><tr><th>序号</th><th>单位</th><th>进展情况</th><th>进度</th></tr></thead><tbody>"); inTable = true; }
                sb.Append($"<tr><td>{cells[0]}</td><td>{cells[1]}</td><td>{cells[2]}</td><td>{cells[3]}</td></tr>");
                continue;
            }
            if (inTable) { sb.Append("</tbody></table>"); inTable = false; }
            sb.Append(kind == "h" ? $"<h2>{cells[0]}</h2>" : $"<p>{cells[0]}</p>");
        }
        if (inTable) sb.Append("</tbody></table>");
        return sb.Append("</body></html>").ToString();
    }
}
