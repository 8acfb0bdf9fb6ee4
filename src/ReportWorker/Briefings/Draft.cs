using ReportWorker.Documents.Components;
using ReportWorker.Storage;

namespace ReportWorker.Briefings;

/// <summary>
/// What makes a preview a draft: 草稿 on every page (diagonally, and in the top margin), 〔2025〕×号 where the
/// issue number goes (the placeholder the office writes in drafts), and its own folder, away from issued files.
/// </summary>
internal static class Draft
{
    public static PageMark Mark { get; } = new("草稿　仅供审阅") { Header = "草稿　仅供审阅　不得印发" };

    /// <summary>Stands for the issue number, which only issuing assigns.</summary>
    public const string Issue = "×";

    public static string Folder(DataPaths paths, string period) => Path.Combine(paths.Briefings, "preview", period);
}
