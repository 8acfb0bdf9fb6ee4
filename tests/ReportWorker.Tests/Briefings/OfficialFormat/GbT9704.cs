namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>The two GB/T 9704-2012 formats a briefing may take, by where the organ name (发文机关标志) stands.</summary>
public enum OfficialFormatKind
{
    /// <summary>文件格式 (7.2.1): the organ name's top edge 35 mm below the text block's top edge.</summary>
    File,
    /// <summary>信函格式 (10.1): the organ name's top edge 30 mm below the top edge of the page.</summary>
    Letter,
}

/// <summary>
/// What the issued briefings are measured against. Which format each document takes is decided here, in one
/// place (issue 14): the 月通报 and the 考核结果通报 are 文件格式, the 督办单 信函格式.
/// </summary>
public static class GbT9704
{
    /// <summary>The sample province's issuing organ, red on every masthead and the signature of every briefing.</summary>
    public const string Organ = "中共海南省委省直机关工作委员会";

    /// <summary>The red name on page 1: the organ's, but for the 专报 to the leaders its own name.</summary>
    public static string MastheadOf(DocumentKind kind) => kind == DocumentKind.QuarterlySummary ? "督办工作专报" : Organ;

    public static OfficialFormatKind FormatOf(DocumentKind kind) => kind switch
    {
        DocumentKind.MonthlyNotice => OfficialFormatKind.File,
        DocumentKind.AssessmentNotice => OfficialFormatKind.File,
        // The 季督办 for the leaders is a 专报 (督办工作专报, 第N期): its red name stands where a 文件格式 organ does.
        DocumentKind.QuarterlySummary => OfficialFormatKind.File,
        DocumentKind.SupervisionSlip => OfficialFormatKind.Letter,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Where the organ name's top edge belongs, in mm, and from what it is measured.</summary>
    public static (double Mm, double ToleranceMm, string From) OrganTop(OfficialFormatKind format) => format switch
    {
        OfficialFormatKind.File => (35, 1, "below the text block's top edge (文件格式)"),
        _ => (30, 1, "below the top edge of the page (信函格式)"),
    };

    /// <summary>7.5: the page number's dash (一字线) 7 mm below the text block's bottom edge; odd pages right, even pages left.</summary>
    public const double PageNumberDashMm = 7, PageNumberToleranceMm = 0.5;

    /// <summary>Words a deadline may be instead of a date.</summary>
    public static readonly string[] UndatedDeadlines = ["长期坚持", "常态化", "持续推进"];

    /// <summary>Breaks inside these words were seen in issued titles (issue 14): before ｜ after.</summary>
    public static readonly (string Before, string After)[] KnownBadTitleBreaks = [("推", "进"), ("任", "务"), ("工作任", "务")];

    /// <summary>The colours a table cell may be filled with besides white, black and grey: a 督办 level's cell, named by its word.</summary>
    public static readonly string[] LevelWords = ["红色", "黄色", "蓝色"];
}
