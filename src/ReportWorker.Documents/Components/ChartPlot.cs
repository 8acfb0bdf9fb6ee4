using SkiaSharp;

namespace ReportWorker.Documents.Components;

/// <summary>
/// Builds and draws a <see cref="BarChart"/> with ScottPlot, which stays inside the engine. Every label is
/// handed the document's typeface directly: ScottPlot's own lookup by font name keeps each typeface it
/// resolves in a static cache for the life of the process, one entry per document when each document has its
/// own subset, and its <c>Font.Set</c> also changes process-wide defaults that other threads' charts pick up.
/// </summary>
internal static class ChartPlot
{
    /// <summary>
    /// Everything the chart will draw, including the tick numbers the axis chooses: the plot is laid out once
    /// here, at the size it will be drawn and with a typeface of the same metrics, and its ticks read back.
    /// </summary>
    public static IReadOnlyList<string> Texts(BarChart chart, ChartTexts texts, SKTypeface typeface, int width, int height)
    {
        using var plot = Build(chart, texts, typeface);
        using var recorder = new SKPictureRecorder();
        plot.Render(recorder.BeginRecording(new SKRect(0, 0, width, height)), width, height);
        using var picture = recorder.EndRecording();
        return [.. texts.All, .. TickLabels(plot)];
    }

    public static void Draw(BarChart chart, ChartTexts texts, SKTypeface typeface, SKCanvas canvas, float left, float top, int width, int height, IReadOnlySet<int> collected)
    {
        using var plot = Build(chart, texts, typeface);
        // ScottPlot draws a fresh plot twice on its first render (once to measure its layout); into a PDF page that put
        // every bar and line in the file twice. The measuring render goes to a throwaway recording instead.
        using (var recorder = new SKPictureRecorder())
        {
            plot.Render(recorder.BeginRecording(new SKRect(0, 0, width, height)), width, height);
            using var _ = recorder.EndRecording();
        }
        var save = canvas.Save();
        canvas.Translate(left, top);
        plot.Render(canvas, width, height);
        canvas.RestoreToCount(save);
        // The subset holds only what layout collected; a tick it did not foresee would print as an empty box.
        var unforeseen = TickLabels(plot).SelectMany(t => t.EnumerateRunes()).Where(r => !System.Text.Rune.IsControl(r) && !collected.Contains(r.Value)).ToArray();
        if (unforeseen.Length > 0)
            throw new InvalidOperationException($"The chart drew characters its layout did not collect: {string.Concat(unforeseen)}");
    }

    private static ScottPlot.Plot Build(BarChart chart, ChartTexts texts, SKTypeface typeface)
    {
        var plot = new ScottPlot.Plot();
        var bars = plot.Add.Bars(chart.Values.ToArray());
        bars.Horizontal = chart.Horizontal;
        bars.Color = chart.Colour.ToScottPlot();
        for (var i = 0; i < texts.ValueLabels.Count; i++) bars.Bars[i].Label = texts.ValueLabels[i];
        var positions = Enumerable.Range(0, texts.Labels.Count).Select(i => (double)i).ToArray();
        ScottPlot.IAxis category = chart.Horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        ScottPlot.IAxis value = chart.Horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        category.SetTicks(positions, [.. texts.Labels]);
        category.TickLabelStyle.FontSize = chart.LabelSize;
        if (chart.Horizontal) category.MajorTickStyle.Length = 2;
        value.Label.Text = texts.ValueAxisTitle;
        // Bars start at the axis. Past the longest bar ScottPlot leaves 5 % (across) or 7 % (up); a value label
        // needs more, or the plot clips it.
        if (chart.Horizontal) plot.Axes.Margins(left: 0, right: texts.ValueLabels.Count > 0 ? 0.15 : 0.05);
        else plot.Axes.Margins(bottom: 0, top: texts.ValueLabels.Count > 0 ? 0.15 : 0.07);

        plot.Axes.Title.Label.Font = typeface;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.Font = typeface;
            axis.TickLabelStyle.Font = typeface;
        }
        bars.ValueLabelStyle.Font = typeface;
        return plot;
    }

    private static IEnumerable<string> TickLabels(ScottPlot.Plot plot) =>
        plot.Axes.GetAxes().SelectMany(a => a.TickGenerator.Ticks).Select(t => t.Label).Where(l => !string.IsNullOrEmpty(l));
}
