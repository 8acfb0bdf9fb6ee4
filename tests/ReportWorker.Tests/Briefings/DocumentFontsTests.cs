using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportWorker.Briefings;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Samples;
using ReportWorker.Ledger;
using ReportWorker.Tests.Documents;
using ReportWorker.Tests.Support;
using ReportWorker.Periods;

namespace ReportWorker.Tests.Briefings;

public sealed class DocumentFontsTests : IDisposable
{
    private readonly FontCopies _fonts = new();
    private readonly LogCapture _log = new();
    private readonly TestWorld _world;

    public DocumentFontsTests()
    {
        _world = new TestWorld(new Dictionary<string, string?>
        {
            ["Documents:Fonts:Title"] = _fonts["NotoSerifSC-Black.ttf"],
            ["Documents:Fonts:Body"] = _fonts["NotoSerifSC-Regular.ttf"],
            ["Documents:Fonts:Heading1"] = _fonts["NotoSansSC-Regular.ttf"],
            ["Documents:Fonts:Heading2"] = _fonts["WenKaiGB2312-Regular.ttf"],
            ["Documents:Fonts:Number"] = _fonts["NotoSerifSC-Regular.ttf"],
        }, services: s => s.AddSingleton<ILoggerProvider>(_log));
        _world.ImportSmallRegistry();
    }

    public void Dispose()
    {
        _world.Dispose();
        _fonts.Dispose();
    }

    [Fact]
    public void The_same_options_give_equal_configurations_and_the_one_loaded_set()
    {
        var options = _world.Get<IOptions<DocumentFontsOptions>>().Value;
        var root = _world.Get<IHostEnvironment>().ContentRootPath;

        Assert.Equal(options.ToConfiguration(root), options.ToConfiguration(root));
        Assert.Same(_world.Get<DocumentFonts>().Set, FontSet.For(options.ToConfiguration(root)));
    }

    [Fact]
    public void The_worker_reads_each_font_file_once_for_all_its_notices_and_slips()
    {
        var loads = 0;
        void Count(FontFace face) { if (face.Path.StartsWith(_fonts.Folder, StringComparison.Ordinal)) Interlocked.Increment(ref loads); }
        FontFace.Loaded += Count;
        try
        {
            _world.SetLocalTime(2025, 4, 10, 9); // after March's forms were due: the notices may be issued
            _world.Get<BriefingService>().Monthly(new ReportMonth(2025, 2), null, reissue: false);
            _world.Get<BriefingService>().Monthly(new ReportMonth(2025, 3), null, reissue: false);
            var quarter = _world.Get<QuarterlyService>().Quarterly(new Quarter(2025, 1), null, reissue: false); // slips in parallel
            Assert.NotEmpty(quarter.Slips);
            var set = _world.Get<DocumentFonts>().Set;
            Parallel.For(0, 6, _ => SampleDocument.Create(tableRows: 5, fonts: set).Render());
        }
        finally { FontFace.Loaded -= Count; }

        Assert.Equal(4, loads);
        var logged = _log.Of("FontLoaded", LogLevel.Information).Where(m => m.Contains(_fonts.Folder, StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, logged.Length);
        Assert.Contains(logged, m => m.Contains("NotoSansSC-Regular.ttf", StringComparison.Ordinal) && m.Contains("2117620 bytes", StringComparison.Ordinal));
    }
}
