using System.Globalization;
using System.Text;
using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>
/// A bar chart, one bar per label, drawn as vectors into the page in one of the document's fonts, centred,
/// with an optional caption under it. The chart collects every character it draws itself (labels, axis title,
/// value labels and the numbers the axis chooses for its ticks), so the document's font subset holds them;
/// a character no font has is left out and reported, as it is in the text.
/// </summary>
public sealed record BarChart(IReadOnlyList<string> Labels, IReadOnlyList<double> Values, float WidthMm, float HeightMm) : IComponent
{
    /// <summary>Bars lie along the value axis from the left, labels down the left side (a ranking); otherwise they stand on the labels.</summary>
    public bool Horizontal { get; init; }
    public Rgb Colour { get; init; } = new(0xC0, 0x00, 0x00);
    /// <summary>The value axis's title, e.g. 完成率（%）.</summary>
    public string? ValueAxisTitle { get; init; }
    /// <summary>Size of the category labels, in points.</summary>
    public float LabelSize { get; init; } = 10;
    /// <summary>When set, each bar shows its value in this .NET format (e.g. "0.0").</summary>
    public string? ValueFormat { get; init; }
    /// <summary>A caption centred under the chart (图1 …), set in the body font.</summary>
    public string? Caption { get; init; }

    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        if (Labels.Count != Values.Count)
            throw new ArgumentException($"A bar chart needs one value per label: {Labels.Count} labels, {Values.Count} values.");
        var width = Math.Min(WidthMm * PageSetup.PointsPerMm, c.Page.TextWidth);
        var height = HeightMm * PageSetup.PointsPerMm;
        var texts = new ChartTexts(Labels, ValueAxisTitle ?? "", ValueFormat is null ? [] : Values.Select(v => v.ToString(ValueFormat, CultureInfo.InvariantCulture)).ToArray());

        // The plot draws all its text in one typeface: the body font if it has every character, else the fallback that has most.
        var face = c.Fonts.Candidates(FontRole.Body).MaxBy(f => texts.Characters.Count(c.Fonts.Faces[f].Has));
        var font = c.Fonts.Faces[face];
        texts = texts.Without(cp => !font.Has(cp), c.Missing);
        // The axis measures candidate tick labels before it keeps some. Were a candidate's characters missing from the
        // subset it draws with, it would measure them otherwise than at layout and could keep other ticks (tried:
        // 8 charts in 300 did), so every character a tick number may have goes into the subset.
        var drawn = NumberCharacters().Where(font.Has).ToHashSet();
        foreach (var text in ChartPlot.Texts(this, texts, font.Typeface, (int)width, (int)height))
            foreach (var r in text.EnumerateRunes())
                if (Rune.IsControl(r)) continue;
                else if (font.Has(r.Value)) drawn.Add(r.Value);
                else c.Missing.Add(r.Value);

        var chart = this;
        // A figure floats: where it does not fit, the text after it fills the page and the figure opens the next.
        var group = new KeepGroup { Float = true };
        yield return new SpaceItem(c.Page.LineHeight / 2) { Group = group };
        yield return new BoxItem(height, (ctx, rect) =>
            ChartPlot.Draw(chart, texts, ctx.Typefaces[face], ctx.Canvas, rect.Left + (c.Page.TextWidth - width) / 2, rect.Top, (int)width, (int)height, drawn),
            usage => { foreach (var cp in drawn) usage.Add(face, cp); }) { Width = c.Page.TextWidth, Group = group };
        if (Caption is not null)
            foreach (var line in c.Lines(Caption, c.Body with { GridPitch = null, Size = c.Page.BodySize - 2 }, TextAlign.Center))
            {
                line.Group = group;
                yield return line;
            }
    }

    // ScottPlot writes tick numbers in the current culture ("N0", or "G" with an exponent for tiny and huge values).
    private static IEnumerable<int> NumberCharacters()
    {
        var f = CultureInfo.CurrentCulture.NumberFormat;
        return string.Concat("0123456789E.,-+", f.NegativeSign, f.PositiveSign, f.NumberDecimalSeparator, f.NumberGroupSeparator)
            .EnumerateRunes().Select(r => r.Value).Distinct();
    }
}

/// <summary>The words a chart shows, other than the numbers its axis chooses.</summary>
internal sealed record ChartTexts(IReadOnlyList<string> Labels, string ValueAxisTitle, IReadOnlyList<string> ValueLabels)
{
    public IEnumerable<string> All => Labels.Append(ValueAxisTitle).Concat(ValueLabels);

    public IEnumerable<int> Characters => All.SelectMany(t => t.EnumerateRunes()).Where(r => !Rune.IsControl(r)).Select(r => r.Value).Distinct();

    /// <summary>The texts with the characters the chart's font cannot draw left out, and those characters reported.</summary>
    public ChartTexts Without(Func<int, bool> undrawable, ISet<int> missing)
    {
        string Clean(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var r in text.EnumerateRunes())
                if (!Rune.IsControl(r) && undrawable(r.Value)) missing.Add(r.Value);
                else sb.Append(r.ToString());
            return sb.ToString();
        }
        return new([.. Labels.Select(Clean)], Clean(ValueAxisTitle), [.. ValueLabels.Select(Clean)]);
    }
}
