using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace ReportWorker.Text;

/// <summary>
/// Renders the Liquid templates under templates/ (Fluid). Model members are exposed in snake_case:
/// a C# property MonthCn is {{ month_cn }} in the template. Templates are parsed once per process.
/// </summary>
public sealed class LiquidTemplates(Storage.DataPaths paths)
{
    private static readonly FluidParser Parser = new();
    private static readonly TextEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TemplateOptions Options = CreateOptions();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _files = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _inline = new();

    public string Folder { get; } = paths.Templates;

    /// <summary>Renders templates/{relativePath}; HTML templates (.html.liquid) are HTML-encoded.</summary>
    public string RenderFile(string relativePath, object model)
    {
        var template = _files.GetOrAdd(relativePath, p => Parse(File.ReadAllText(Path.Combine(Folder, p)), p));
        var encoder = relativePath.Contains(".html", StringComparison.Ordinal) ? Html : NullEncoder.Default;
        return template.Render(new TemplateContext(model, Options), encoder);
    }

    /// <summary>Renders a short text taken from a template file (a form title, a subject line).</summary>
    public string RenderText(string source, object model) =>
        _inline.GetOrAdd(source, s => Parse(s, "inline text")).Render(new TemplateContext(model, Options), NullEncoder.Default);

    private static IFluidTemplate Parse(string source, string name) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidDataException($"Template {name} is not valid Liquid: {error}");

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
        };
        options.TimeZone = TimeZoneInfo.Utc;
        return options;
    }
}
