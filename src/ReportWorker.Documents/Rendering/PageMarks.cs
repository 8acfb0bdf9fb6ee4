using ReportWorker.Documents.Components;
using ReportWorker.Documents.Layout;

namespace ReportWorker.Documents.Rendering;

/// <summary>Draws a <see cref="PageMark"/> on one page, after (so over) everything else on it.</summary>
internal static class PageMarks
{
    public static void Draw(DrawContext context, PageSetup page, LaidOutMark mark)
    {
        if (mark.Header is { } header)
        {
            // In the top margin, 20 mm down, ending where the text block ends: clear of the masthead, on every page.
            var size = header.Style.Size;
            context.DrawLine(header, page.Left + page.TextWidth - header.Width, context.Baseline(20 * PageSetup.PointsPerMm - size * 0.6f, size * 1.2f, header.Style));
        }
        var canvas = context.Canvas;
        canvas.Save();
        try
        {
            // Centred on the page, rising along its diagonal from bottom left to top right.
            canvas.Translate(page.PageWidth / 2, page.PageHeight / 2);
            canvas.RotateRadians(-MathF.Atan2(page.PageHeight, page.PageWidth));
            var line = mark.Diagonal;
            var band = line.Style.Size * 1.2f;
            context.DrawLine(line, -line.Width / 2, context.Baseline(-band / 2, band, line.Style), (byte)MathF.Round(mark.Opacity * 255));
        }
        finally { canvas.Restore(); }
    }
}
