namespace ReportWorker.Documents.Text;

/// <summary>Where a line may break.</summary>
public enum BreakMode
{
    /// <summary>Between any two Chinese characters (body text on the grid), Latin words and numbers whole.</summary>
    Character,
    /// <summary>Only between words: titles and table cells. A word wider than the line is still cut.</summary>
    Word,
}
