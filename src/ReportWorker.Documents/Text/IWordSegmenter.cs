namespace ReportWorker.Documents.Text;

/// <summary>
/// Finds where words end in Chinese text, so that titles and table cells break only between words
/// (GB/T 9704 7.3.1: 词意完整). Body paragraphs do not need it: they break between any two characters.
/// </summary>
public interface IWordSegmenter
{
    /// <summary>The text cut into consecutive words; joined together they give the text back exactly.</summary>
    IReadOnlyList<string> Segment(string text);
}
