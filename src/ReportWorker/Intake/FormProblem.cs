namespace ReportWorker.Intake;

/// <summary>
/// One thing wrong with a returned form, said the way a liaison can act on it: where (sheet, row,
/// column; row 0 means the whole file), what, and how to fix it.
/// </summary>
public sealed record FormProblem(string Sheet, int Row, string Column, string Message, string Fix)
{
    public string Where => Row > 0
        ? $"“{Sheet}”表 第{Row}行{(Column.Length > 0 ? $" {Column}" : "")}"
        : Sheet.Length > 0 ? $"“{Sheet}”表" : "整个文件";

    public override string ToString() => $"{Where}：{Message}{(Fix.Length > 0 ? $"（{Fix}）" : "")}";
}
