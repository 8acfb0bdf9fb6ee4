using ReportWorker.Documents.Layout;
using ReportWorker.Documents.Text;

namespace ReportWorker.Documents.Components;

/// <summary>
/// The signature 落款 (GB/T 9704 7.3.5) and the 附注 under it, as one block that never stands alone on a page: when
/// it must move, it takes the last lines of the text it signs along.
/// <list type="bullet">
/// <item>Without a seal (the default; 7.3.5.2): one blank line below the text, the organ two characters in from the
/// right, the date on the next line starting two characters right of the organ's first character; a date longer
/// than that stays two characters in from the right and the organ moves left instead.</item>
/// <item>With a seal image (<see cref="Seal"/>, 7.3.5.1): the date four characters in from the right, the organ
/// centred over it, the seal centred over both with its top within a line of the text and the words a little
/// below its centre.</item>
/// <item>A <see cref="Note"/> (附注: contact and telephone) on the line under the date, two characters in, in brackets (7.3.6).</item>
/// </list>
/// </summary>
public sealed record Signature(string Organ, string Date) : IComponent
{
    /// <summary>A PNG of the office's seal (transparent background); none by default.</summary>
    public byte[]? Seal { get; init; }
    public float SealMm { get; init; } = 42;
    /// <summary>The 附注 without its brackets, e.g. 联系人：王明，电话：0898-65300000.</summary>
    public string? Note { get; init; }

    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var page = c.Page;
        var pitch = page.CharPitch;
        var line = page.LineHeight;
        var organ = c.Breaker.Break(Organ, c.Body, page.TextWidth, 0, TextAlign.Left, c.Missing)[0];
        var date = c.Breaker.Break(Date, c.Body, page.TextWidth, 0, TextAlign.Left, c.Missing)[0];
        var texts = new List<FreeText>();
        var images = new List<FreeImage>();
        float organTop, height;
        if (Seal is { } seal)
        {
            var dateX = page.TextWidth - 4 * pitch - date.Width;
            var organX = dateX + (date.Width - organ.Width) / 2;
            var diameter = SealMm * PageSetup.PointsPerMm;
            var sealTop = line / 2;
            // The two lines centred a tenth of the seal below its centre.
            organTop = sealTop + diameter * 0.6f - line;
            texts.Add(new(organ, organX, Baseline(c, organTop)));
            texts.Add(new(date, dateX, Baseline(c, organTop + line)));
            images.Add(new FreeImage(seal, dateX + date.Width / 2 - diameter / 2, sealTop, diameter, diameter));
            height = Math.Max(sealTop + diameter, organTop + 2 * line);
        }
        else
        {
            var two = 2 * pitch;
            float organX, dateX;
            if (organ.Width >= date.Width + two)
            {
                organX = page.TextWidth - two - organ.Width;
                dateX = organX + two;
            }
            else
            {
                dateX = page.TextWidth - two - date.Width;
                organX = dateX - two;
            }
            organTop = line; // one blank line below the text
            texts.Add(new(organ, organX, Baseline(c, organTop)));
            texts.Add(new(date, dateX, Baseline(c, organTop + line)));
            height = organTop + 2 * line;
        }
        if (Note is not null)
        {
            var notes = c.Breaker.Break($"（{Note}）", c.Body, page.TextWidth - 2 * pitch, 0, TextAlign.Justify, c.Missing);
            foreach (var note in notes)
            {
                texts.Add(new(note, 2 * pitch, Baseline(c, height)));
                height += line;
            }
        }
        yield return new FreeItem(texts, [], images, height) { CarryLines = 2 };
    }

    private static float Baseline(LayoutContext c, float top) => c.Baseline(top, c.Page.LineHeight, c.Body);
}

/// <summary>
/// 附件说明 (7.3.4): one blank line below the text, two characters in, "附件：" and the attachment's name, or
/// "附件：1. …" for several, each name's further lines aligned with its first character; no punctuation after a name.
/// </summary>
public sealed record AttachmentNote(IReadOnlyList<string> Names) : IComponent
{
    public AttachmentNote(string name) : this([name]) { }

    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var page = c.Page;
        var line = page.LineHeight;
        yield return new SpaceItem(line) { KeepWithNext = true };
        var label = c.Breaker.Break("附件：", c.Body, page.TextWidth, 0, TextAlign.Left, c.Missing)[0];
        var labelX = 2 * page.CharPitch;
        var numberX = labelX + label.Width;
        for (var i = 0; i < Names.Count; i++)
        {
            var texts = new List<FreeText>();
            if (i == 0) texts.Add(new(label, labelX, BaselineOf(c)));
            var nameX = numberX;
            if (Names.Count > 1)
            {
                var number = c.Breaker.Break($"{i + 1}. ", c.Body with { GridPitch = null }, page.TextWidth, 0, TextAlign.Left, c.Missing)[0];
                texts.Add(new(number, numberX, BaselineOf(c)));
                nameX += number.Width + c.Body.Size * 0.25f;
            }
            var name = Names[i].TrimEnd('。', '；', '，', '.', ';', ',');
            var lines = c.Breaker.Break(name, c.Body, page.TextWidth - nameX, 0, TextAlign.Justify, c.Missing);
            for (var k = 0; k < lines.Count; k++)
            {
                if (k > 0) texts.Clear();
                texts.Add(new(lines[k], nameX, BaselineOf(c)));
                yield return new FreeItem([.. texts], line) { IsBodyLine = true, KeepWithNext = k < lines.Count - 1 };
            }
        }
    }

    private static float BaselineOf(LayoutContext c) => c.Baseline(0, c.Page.LineHeight, c.Body);
}

/// <summary>
/// An attachment (7.3.7): on a new page, "附件" or "附件2" in 3号黑体 flush left on the first line, its title
/// centred on the third.
/// </summary>
public sealed record AttachmentHeading(string Label, string Title) : IComponent
{
    public IEnumerable<LayoutItem> Layout(LayoutContext c)
    {
        var label = new TextStyle(Fonts.FontRole.Heading1, c.Page.BodySize, Rgb.Black);
        var line = c.Breaker.Break(Label, label, c.Page.TextWidth, 0, TextAlign.Left, c.Missing)[0];
        yield return new TextLineItem(line, c.Page.LineHeight, TextAlign.Left, c.Page.TextWidth) { BreakBefore = true, KeepWithNext = true, Bookmark = (0, $"{Label}　{Title}") };
        yield return new SpaceItem(c.Page.LineHeight) { KeepWithNext = true };
        foreach (var item in new Title(Title) { Bookmarked = false }.Layout(c)) yield return item;
    }
}
