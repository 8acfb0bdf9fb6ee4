namespace ReportWorker.Registry;

/// <summary>One problem in an imported list: where it is and what is wrong.</summary>
public sealed record ImportError(string File, int Row, string Column, string Problem)
{
    public override string ToString() =>
        Row > 0 ? $"{File} 第{Row}行 {Column}：{Problem}" : $"{File}：{Problem}";
}

/// <summary>The list was refused as a whole; nothing was written.</summary>
public sealed class RegistryImportException(IReadOnlyList<ImportError> errors)
    : Exception($"导入失败，共 {errors.Count} 处问题，未写入任何数据。")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}

public sealed record ImportResult(string Kind, int Rows, int Added, int Changed, int Unchanged, IReadOnlyList<string> Notes, int? Year = null);
