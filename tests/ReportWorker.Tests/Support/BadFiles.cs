using System.IO.Compression;
using System.Text;
using ReportWorker.Ledger;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Support;

/// <summary>Files people actually send by mistake, and a few hostile ones, built from a real form where it matters.</summary>
public static class BadFiles
{
    private static readonly ReportMonth March = new(2025, 3);

    static BadFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Make(string kind, TestWorld world) => kind switch
    {
        "empty" => [],
        "pdf-renamed" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        "png-renamed" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'],
        "plain-zip" => Zip(("readme.txt", Encoding.UTF8.GetBytes("报表在另一个文件里"))),
        "word-renamed" => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray())),
        "ods-renamed" => Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"u8.ToArray()), ("content.xml", "<office:document-content/>"u8.ToArray())),
        "corrupt" => world.FilledForm("U01", March)[..1500],
        "encrypted" => Ole(withEncryption: true),
        "legacy-xls" => Ole(withEncryption: false),
        "macro-enabled" => MacroEnabled(world.FilledForm("U01", March)),
        "binary-garbage" => Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray(),
        "zip-bomb" => ZipBomb(30 * 1024 * 1024),
        "too-large" => [.. "PK\u0003\u0004"u8, .. new byte[10 * 1024 * 1024 + 10]],
        "gbk-csv-not-a-form" => Encoding.GetEncoding("GBK").GetBytes("单位代码,单位名称,联络员邮箱\r\nU01,省委办公厅,swbgt@example.gov.cn\r\n"),
        "unknown-unit" => world.FilledForm("U01", March, e => e.RemoveMeta().Text("A2", "填报单位：某某厅（单位代码：U99）    报告月份：2025年3月")),
        "no-identity" => world.FilledForm("U01", March, e => e.RemoveMeta().Text("A2", "填报单位：")),
        "bad-month" => world.FilledForm("U01", March, e => e.RemoveMeta().Text("A2", "填报单位：省委办公厅（单位代码：U01）    报告月份：2025年13月")),
        "future-month" => world.FilledForm("U01", new ReportMonth(2025, 6)),
        "missing-row" => world.FilledForm("U01", March, e => e.DeleteRow(e.RowOf("F-001"))),
        "foreign-task" => world.FilledForm("U01", March, e => e.Text($"A{e.RowOf("F-001")}", "C-001")),
        "unknown-task" => world.FilledForm("U01", March, e => e.Text($"A{e.RowOf("F-001")}", "Z-999")),
        "duplicate-row" => world.FilledForm("U01", March, e => e.Text($"A{e.RowOf("F-001")}", "A-001")),
        "bad-status" => world.FilledForm("U01", March, e => e.Text($"F{e.RowOf("A-001")}", "基本完成")),
        "empty-status" => world.FilledForm("U01", March, e => e.Clear($"F{e.RowOf("A-001")}")),
        "percent-not-number" => world.FilledForm("U01", March, e => e.Text($"G{e.RowOf("A-001")}", "八成")),
        "percent-out-of-range" => world.FilledForm("U01", March, e => e.Number($"G{e.RowOf("A-001")}", 120)),
        "completed-without-progress" => world.FilledForm("U01", March, e => e.Text($"F{e.RowOf("A-001")}", "已完成").Number($"G{e.RowOf("A-001")}", 100).Clear($"H{e.RowOf("A-001")}")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
                using (var s = zip.CreateEntry(name).Open()) s.Write(content);
        return stream.ToArray();
    }

    // An OLE compound file: encrypted OOXML carries EncryptionInfo and EncryptedPackage streams.
    private static byte[] Ole(bool withEncryption)
    {
        var bytes = new byte[4096];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        var name = Encoding.Unicode.GetBytes(withEncryption ? "EncryptionInfo" : "Workbook");
        name.CopyTo(bytes, 1024);
        if (withEncryption) Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1152);
        return bytes;
    }

    private static byte[] MacroEnabled(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            using (var s = zip.CreateEntry("xl/vbaProject.bin").Open()) s.Write(new byte[512]);
        return stream.ToArray();
    }

    private static byte[] ZipBomb(int inflatedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry("[Content_Types].xml").Open()) s.Write("<Types/>"u8);
            using (var s = zip.CreateEntry("xl/workbook.xml").Open()) s.Write("<workbook/>"u8);
            using (var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open())
            {
                var block = new byte[1 << 20];
                Array.Fill(block, (byte)' ');
                for (var written = 0; written < inflatedBytes; written += block.Length) s.Write(block);
            }
        }
        return stream.ToArray();
    }
}
