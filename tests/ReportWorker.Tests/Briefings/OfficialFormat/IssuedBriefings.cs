using ReportWorker.Assessment;
using ReportWorker.Briefings;
using ReportWorker.Cli;
using ReportWorker.Documents.Rendering;
using ReportWorker.Periods;
using ReportWorker.Registry;
using ReportWorker.Tests.Support;
using UglyToad.PdfPig;

namespace ReportWorker.Tests.Briefings.OfficialFormat;

/// <summary>
/// The sample province's briefings as `demo` issues them, for measuring: `demo` runs once, through the real
/// executable, on a fresh data folder (it replays 2025 and writes every briefing under data/briefings/). Then a
/// worker in this process opens that ledger and issues the 2025-03 月通报, the 2025Q1 季督办 and the 2025 考核结果通报
/// again — not a reissue, so the same record and the same bytes — for what only the layout knows
/// (<see cref="RenderedDocument.PageLines"/>) and the figures the documents were made from.
/// </summary>
public sealed class IssuedBriefings : IDisposable
{
    public static readonly ReportMonth Month = new(2025, 3);
    public static readonly Quarter Quarter = new(2025, 1);
    public const int AssessmentYear = 2025;

    private readonly string _root = Directory.CreateTempSubdirectory("rw-format-").FullName;
    private readonly TestWorld _world;
    private readonly Dictionary<string, byte[]> _asIssued = [];

    public IssuedBriefings()
    {
        var samples = DemoCommand.FindSamples() ?? throw new InvalidOperationException("samples/ not found above the test binaries");
        Data = Path.Combine(_root, "data");
        var demo = WorkerProcess.Run(_root, new Dictionary<string, string> { ["Data__Root"] = Data }, "demo", "--samples", samples);
        if (demo.ExitCode != 0) throw new InvalidOperationException($"demo failed ({demo.ExitCode}):\n{demo.Error}\n{demo.Output}");
        Briefings = Path.Combine(Data, "briefings");
        foreach (var file in Directory.GetFiles(Briefings, "*.pdf", SearchOption.AllDirectories)) _asIssued[file] = File.ReadAllBytes(file);

        // Long after the year: every issue is open, the objection period is over, nothing is refused for being early.
        _world = new TestWorld(new Dictionary<string, string?> { ["Data:Root"] = Data }, start: new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.FromHours(8)));
        Units = _world.Get<RegistryStore>().Units().ToDictionary(u => u.Code);
        Monthly = _world.Get<BriefingService>().Monthly(Month, null, reissue: false);
        Quarterly = _world.Get<QuarterlyService>().Quarterly(Quarter, null, reissue: false);
        Assessment = _world.Get<AssessmentService>().Final(AssessmentYear, reissue: false);
    }

    public string Data { get; }
    /// <summary>data/briefings: every 月通报, 季督办, 督办单, 考核结果通报 and 考核反馈单 the demo wrote.</summary>
    public string Briefings { get; }
    public IReadOnlyDictionary<string, Unit> Units { get; }
    public GeneratedBriefing Monthly { get; }
    public GeneratedQuarter Quarterly { get; }
    public IssuedAssessment Assessment { get; }

    /// <summary>Every briefing PDF the demo wrote, as it wrote it (before this fixture issued anything again).</summary>
    public IReadOnlyDictionary<string, byte[]> AsIssued => _asIssued;

    /// <summary>The documents measured, each with its name in failure messages, its format, its PDF and (where the layout is at hand) its laid-out lines.</summary>
    public IReadOnlyList<Measured> Documents => field ??=
    [
        new("2025-03 月通报", DocumentKind.MonthlyNotice, Monthly.Document.Pdf, Monthly.Document.PageLines),
        new("2025Q1 季督办", DocumentKind.QuarterlySummary, Quarterly.Summary.Pdf, Quarterly.Summary.PageLines),
        .. Quarterly.Slips.Select(s => new Measured($"2025Q1 督办单 {s.Unit.Code} {s.Unit.ShortName}", DocumentKind.SupervisionSlip, File.ReadAllBytes(s.Path), null)),
        new("2025 考核结果通报", DocumentKind.AssessmentNotice, Assessment.Notice!.Pdf, Assessment.Notice.PageLines),
    ];

    public void Dispose()
    {
        _world.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

public enum DocumentKind { MonthlyNotice, QuarterlySummary, SupervisionSlip, AssessmentNotice }

/// <summary>One issued document to measure. <paramref name="PageLines"/>: the layout's lines, when the document was laid out here.</summary>
public sealed record Measured(string Name, DocumentKind Kind, byte[] Pdf, IReadOnlyList<IReadOnlyList<string>>? PageLines)
{
    public override string ToString() => Name;

    /// <summary>What the document is one of: every 督办单 of the quarter is one family, reported together when they fail alike.</summary>
    public string Family => Kind == DocumentKind.SupervisionSlip ? $"{IssuedBriefings.Quarter} 督办单" : Name;

    public IReadOnlyList<UglyToad.PdfPig.Content.Page> Pages => field ??= Read(Pdf);

    /// <summary>Lines per page: the layout's when known, else read back from the PDF (the page number left out either way).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Lines => PageLines ?? (field ??= Pages.Select(p => (IReadOnlyList<string>)PdfGeometry.BodyLines(p).Select(l => l.Text).ToArray()).ToArray());

    private static UglyToad.PdfPig.Content.Page[] Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // Pages keep what they read (letters, paths) after the document is closed.
        return document.GetPages().Select(p => { _ = p.Letters; _ = p.Paths; return p; }).ToArray();
    }
}
