using System.IO.Compression;
using System.Text;

namespace ReportWorker.Spreadsheets;

public enum FileKind { Xlsx, Csv }

/// <summary>
/// Decides what a file really is from its bytes, not its name, and refuses anything that is not a
/// plain workbook or CSV with a reason a liaison can act on. Zip archives are fully inflated once,
/// under a byte budget, before any library parses them.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static FileKind Classify(string path, ReadLimits limits)
    {
        var info = new FileInfo(path);
        if (info.Length == 0)
            throw new SpreadsheetFormatException("文件是空的（0 字节）。", "请重新保存填报表后再发送。");
        if (info.Length > limits.MaxFileBytes)
            throw new SpreadsheetFormatException(
                $"文件大小 {Megabytes(info.Length)} 超过上限 {Megabytes(limits.MaxFileBytes)}。",
                "填报表只需文字，请删除嵌入的图片或附件后再发送。");

        var head = new byte[Math.Min(4096, info.Length)];
        using (var stream = File.OpenRead(path)) stream.ReadExactly(head);

        if (head.AsSpan().StartsWith("PK"u8)) { CheckZip(path, limits); return FileKind.Xlsx; }
        if (head.AsSpan().StartsWith(Ole)) throw OleFile(path);
        if (head.AsSpan().StartsWith("%PDF"u8)) throw NotASpreadsheet("PDF 文档");
        if (head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) throw NotASpreadsheet("PNG 图片");
        if (head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) throw NotASpreadsheet("JPEG 图片");
        if (head.AsSpan().StartsWith("Rar!"u8)) throw NotASpreadsheet("RAR 压缩包");
        if (head.AsSpan().StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF])) throw NotASpreadsheet("7z 压缩包");
        if (head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) throw NotASpreadsheet("gzip 压缩文件");
        if (head.AsSpan().StartsWith("{\\rtf"u8)) throw NotASpreadsheet("RTF 文档");
        if (LooksLikeText(head)) return FileKind.Csv;
        throw new SpreadsheetFormatException("无法识别的文件类型（既不是 Excel 工作簿，也不是 CSV 文本）。",
            "请直接回传下发的 .xlsx 填报表。");
    }

    private static void CheckZip(string path, ReadLimits limits)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > limits.MaxZipEntries)
                throw new SpreadsheetFormatException($"压缩包内文件数 {zip.Entries.Count} 异常。", "请直接回传下发的 .xlsx 填报表。");
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("xl/vbaProject.bin") || ContentTypes(zip).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                throw new SpreadsheetFormatException("文件是启用宏的工作簿（.xlsm），出于安全原因不予接收。",
                    "请在 Excel/WPS 中“另存为”→“Excel 工作簿 (*.xlsx)”后再发送。");
            if (!names.Contains("xl/workbook.xml"))
            {
                var what = names.Contains("word/document.xml") ? "Word 文档"
                    : names.Contains("ppt/presentation.xml") ? "PowerPoint 演示文稿"
                    : names.Contains("content.xml") ? "OpenDocument（ODF）文件"
                    : "普通 zip 压缩包";
                throw NotASpreadsheet(what);
            }
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                // Declared sizes can lie, so count what actually comes out of the inflater.
                using var s = entry.Open();
                int n;
                while ((n = s.Read(buffer)) > 0)
                {
                    total += n;
                    if (total > limits.MaxUncompressedBytes)
                        throw new SpreadsheetFormatException(
                            $"文件解压后超过 {Megabytes(limits.MaxUncompressedBytes)}（疑似“压缩炸弹”），不予处理。",
                            "请直接回传下发的 .xlsx 填报表，不要嵌入其他文件。");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new SpreadsheetFormatException("文件已损坏，无法作为 Excel 工作簿打开。", "请重新打开填报表，确认内容无误后“另存为”.xlsx 再发送。", ex);
        }
    }

    private static string ContentTypes(ZipArchive zip)
    {
        var entry = zip.GetEntry("[Content_Types].xml");
        if (entry is null || entry.Length > 1_000_000) return "";
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static SpreadsheetFormatException OleFile(string path)
    {
        // An encrypted .xlsx is an OLE container holding EncryptionInfo; otherwise it is a legacy .xls/.doc.
        var bytes = File.ReadAllBytes(path);
        var marker = Encoding.Unicode.GetBytes("EncryptionInfo");
        if (bytes.AsSpan().IndexOf(marker) >= 0)
            return new SpreadsheetFormatException("文件设置了打开密码（已加密），无法读取。",
                "请在 Excel/WPS 中取消“用密码进行加密”后重新保存再发送。");
        return new SpreadsheetFormatException("文件是旧版 Excel 97-2003（.xls）或其他 Office 旧格式，不予接收。",
            "请在 Excel/WPS 中“另存为”→“Excel 工作簿 (*.xlsx)”后再发送。");
    }

    private static SpreadsheetFormatException NotASpreadsheet(string what) =>
        new($"文件内容是{what}，不是 Excel 工作簿或 CSV（可能是改了扩展名）。", "请回传下发的 .xlsx 填报表本身。");

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0) return false;
            if (b < 0x09 || (b > 0x0D && b < 0x20)) controls++;
        }
        return controls * 100 <= head.Length;
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
