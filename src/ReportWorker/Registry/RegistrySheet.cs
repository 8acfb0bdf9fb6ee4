using ReportWorker.Spreadsheets;

namespace ReportWorker.Registry;

/// <summary>Opens a registry list and finds the sheet and header row that hold it.</summary>
internal static class RegistrySheet
{
    public static (Sheet Sheet, HeaderMap Map) Open(string path, string file, IReadOnlyList<ColumnSpec> columns, string what)
    {
        if (!File.Exists(path)) throw new RegistryImportException([new(file, 0, "", "文件不存在。")]);
        Workbook workbook;
        try
        {
            workbook = SpreadsheetFile.Read(path, ReadLimits.Default);
        }
        catch (SpreadsheetFormatException ex)
        {
            throw new RegistryImportException([new(file, 0, "", $"{ex.Reason}{ex.HowToFix}")]);
        }
        var found = workbook.Sheets.Where(s => !s.Hidden)
            .Select(s => (Sheet: s, Map: HeaderMap.Find(s, columns)))
            .Where(x => x.Map is not null)
            .OrderByDescending(x => columns.Count(c => x.Map!.ColumnOf(c.Key) is not null))
            .FirstOrDefault();
        if (found.Map is null)
            throw new RegistryImportException([new(file, 0, "", $"找不到{what}的表头（应包含：{string.Join("、", columns.Where(c => c.Required).Select(c => c.Display))}）。")]);
        var missing = found.Map.Missing(columns).ToArray();
        if (missing.Length > 0)
            throw new RegistryImportException([new(file, found.Map.HeaderRow, "表头", $"缺少必需的列：{string.Join("、", missing.Select(c => c.Display))}。")]);
        return (found.Sheet, found.Map);
    }
}
