using System.Collections;
using System.Reflection;
using ReportWorker.Documents;
using ReportWorker.Documents.Components;
using ReportWorker.Documents.Rendering;
using UglyToad.PdfPig;

namespace ReportWorker.Tests.Documents;

public sealed class BarChartTests
{
    private static Document Doc(params IComponent[] components) =>
        new Document(new DocumentMetadata("t", "a", "s", DateTimeOffset.UnixEpoch)).Add(components);

    private static string Text(RenderedDocument rendered)
    {
        using var pdf = PdfDocument.Open(rendered.Pdf);
        return string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
    }

    [Fact]
    public void The_chart_is_drawn_once_each_label_and_value_appears_once_in_the_page()
    {
        // ScottPlot renders a fresh plot twice; drawn straight into the page, every bar and label was in the file twice.
        var text = Text(Doc(new BarChart(["琥珀", "翡翠"], [3.5, 7.25], 120, 60) { ValueFormat = "0.00", Caption = "图1　宝石重量" }).Render());

        foreach (var label in new[] { "琥珀", "翡翠", "3.50", "7.25", "图1" })
            Assert.Equal(1, (text.Length - text.Replace(label, "").Length) / label.Length);
    }

    [Fact]
    public void Labels_axis_title_value_labels_and_tick_numbers_are_drawn_though_no_other_text_uses_their_characters()
    {
        var rendered = Doc(
            new Paragraph("图表。"),
            new BarChart(["琥珀", "翡翠"], [3.5, 7.25], 120, 60) { ValueAxisTitle = "克拉（ct）", ValueFormat = "0.00", Caption = "图1　宝石重量" }).Render();

        Assert.Empty(rendered.MissingCharacters);
        var text = Text(rendered);
        Assert.Contains("琥珀", text);
        Assert.Contains("翡翠", text);
        Assert.Contains("克拉（ct）", text);
        Assert.Contains("3.50", text);     // value labels
        Assert.Contains("7.25", text);
        Assert.Contains("0", text);        // the value axis starts at zero: a tick number only the axis chose
        Assert.Contains("图1　宝石重量", text.Replace(" ", ""));
        Assert.Contains("图1　宝石重量", rendered.PageLines[0]);
    }

    [Fact]
    public void A_chart_label_character_no_font_has_is_reported_and_left_out_not_drawn_as_a_box()
    {
        var rendered = Doc(new BarChart(["张喆", "李玥"], [1, 2], 120, 60)).Render();

        Assert.Equal("喆玥", rendered.MissingText);
        var text = Text(rendered);
        Assert.Contains("张", text);
        Assert.Contains("李", text);
        Assert.DoesNotContain("喆", text);
    }

    [Fact]
    public void Across_value_ranges_and_sizes_the_axis_draws_only_tick_numbers_layout_collected()
    {
        // Drawing throws if the axis picks ticks whose characters layout did not put in the subset. Before every
        // character a tick number may have was collected, 8 of these 300 charts did (tiny, huge and exponent values).
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var scale = Math.Pow(10, random.Next(-3, 6));
            double[] values = [random.NextDouble() * scale, random.NextDouble() * scale, random.NextDouble() * scale];
            var chart = new BarChart(["甲", "乙", "丙"], values, 40 + random.Next(120), 30 + random.Next(60)) { Horizontal = i % 2 == 0 };
            Assert.Empty(Doc(chart).Render().MissingCharacters);
        }
    }

    [Fact]
    public void A_chart_needs_one_value_per_label()
    {
        var ex = Assert.Throws<ArgumentException>(() => Doc(new BarChart(["甲", "乙"], [1], 120, 60)).Render());
        Assert.Contains("2 labels, 1 values", ex.Message);
    }

    [Fact]
    public void Drawing_many_charts_leaves_nothing_behind_in_the_chart_librarys_static_state()
    {
        var cache = (ICollection)typeof(ScottPlot.Fonts).GetField("TypefaceCache", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        RenderedDocument Render(int i) => Doc(new BarChart(["甲", "乙", "丙"], [i, 2 * i, 3], 120, 60) { Horizontal = i % 2 == 0 }).Render();
        Render(1).RenderPng(0, 36);
        var cached = cache.Count;
        var resolvers = ScottPlot.Fonts.FontResolvers.Count;

        Parallel.For(0, 40, i => { var r = Render(i); if (i % 10 == 0) r.RenderPng(0, 36); });

        // ScottPlot keeps every typeface it resolves by name for the life of the process; each document's own
        // subset must never go in there, or a year of charts is a year of dead typefaces.
        Assert.Equal(cached, cache.Count);
        Assert.Equal(resolvers, ScottPlot.Fonts.FontResolvers.Count);
        Assert.Null(ScottPlot.Fonts.DefaultFontStyle);
    }
}

public sealed class RgbTests
{
    [Theory]
    [InlineData("#C00000", 0xC0, 0x00, 0x00)]
    [InlineData("e8eef6", 0xE8, 0xEE, 0xF6)]
    public void Reads_hex_colours(string hex, byte r, byte g, byte b)
    {
        Assert.Equal(new Rgb(r, g, b), Rgb.FromHex(hex));
        Assert.Equal($"#{r:X2}{g:X2}{b:X2}", Rgb.FromHex(hex).ToString());
    }

    [Theory]
    [InlineData("#C000")]
    [InlineData("red")]
    [InlineData("#GG0000")]
    public void Refuses_what_is_not_a_colour(string hex) => Assert.Throws<FormatException>(() => Rgb.FromHex(hex));
}
