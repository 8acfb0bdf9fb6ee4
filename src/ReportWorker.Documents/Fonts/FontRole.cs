namespace ReportWorker.Documents.Fonts;

/// <summary>What a piece of text is, typographically. Each role maps to one font file (GB/T 9704 names in brackets).</summary>
public enum FontRole
{
    /// <summary>Title and masthead (方正小标宋).</summary>
    Title,
    /// <summary>Body text, tables, closing block (仿宋_GB2312).</summary>
    Body,
    /// <summary>First-level headings 一、 (黑体).</summary>
    Heading1,
    /// <summary>Second-level headings （一） (楷体_GB2312).</summary>
    Heading2,
    /// <summary>Page numbers and figures (宋体 digits).</summary>
    Number,
}
