namespace ReportWorker.Documents.Rendering;

/// <summary>PDF document information. <see cref="Created"/> carries its own offset (e.g. +08:00 for Asia/Shanghai).</summary>
public sealed record DocumentMetadata(string Title, string Author, string Subject, DateTimeOffset Created)
{
    public string Creator { get; init; } = "ReportWorker";
    public string Keywords { get; init; } = "";
    /// <summary>The language of the text (BCP 47), written as the catalog's /Lang for screen readers and text extraction.</summary>
    public string Language { get; init; } = "zh-CN";
}
