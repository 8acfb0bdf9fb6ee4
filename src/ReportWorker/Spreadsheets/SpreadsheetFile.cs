namespace ReportWorker.Spreadsheets;

/// <summary>Reads an .xlsx or .csv after checking what it really is.</summary>
public static class SpreadsheetFile
{
    public static Workbook Read(string path, ReadLimits limits) =>
        FileSniffer.Classify(path, limits) switch
        {
            FileKind.Xlsx => XlsxReader.Read(path),
            _ => CsvReader.Read(path),
        };
}
