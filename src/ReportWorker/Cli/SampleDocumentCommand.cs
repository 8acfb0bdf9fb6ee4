using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportWorker.Briefings;
using ReportWorker.Documents.Samples;
using ReportWorker.Storage;

namespace ReportWorker.Cli;

/// <summary>`sample-document`: writes the document engine's sample notice, and a PNG of each page.</summary>
internal static class SampleDocumentCommand
{
    public static Command Create()
    {
        var outFile = new Option<FileInfo?>("--out") { Description = "PDF 路径（默认 data/briefings/sample-notice.pdf）" };
        var pngs = new Option<bool>("--png") { Description = "同时输出每页的 PNG 图片" };
        var command = new Command("sample-document", "生成公文版式示例（版头、标题、各级标题、正文、跨三页表格、图表、页码、版记）") { outFile, pngs };
        command.SetAction((parse, ct) => CommandLine.Execute((sp, _) =>
        {
            var fonts = sp.GetRequiredService<DocumentFonts>().Set;
            var path = parse.GetValue(outFile)?.FullName ?? Path.Combine(sp.GetRequiredService<DataPaths>().Briefings, "sample-notice.pdf");
            var rendered = SampleDocument.Create(fonts: fonts).Render();
            rendered.Save(path);
            Console.WriteLine($"已写出 {path}：{rendered.PageCount} 页，{rendered.Pdf.Length / 1024} KB。");
            if (rendered.MissingCharacters.Count > 0) Console.WriteLine($"警告：字体中没有这些字符，已略去：{rendered.MissingText}");
            if (parse.GetValue(pngs))
                for (var p = 0; p < rendered.PageCount; p++)
                    File.WriteAllBytes(Path.ChangeExtension(path, null) + $"-{p + 1}.png", rendered.RenderPng(p, 72));
            return Task.FromResult(0);
        }));
        return command;
    }
}
