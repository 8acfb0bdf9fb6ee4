using System.Collections.Concurrent;
using ReportWorker.Documents.Fonts;

namespace ReportWorker.Documents.Text;

/// <summary>
/// Breaks text into lines by the usual Chinese rules: no line starts with closing punctuation, none
/// ends with an opening bracket or quote, Latin words, numbers, codes and addresses stay whole
/// (2025年, 77.2%, C-017, a@b.cn), a closing mark may hang half into the margin (标点挤压), and full
/// lines are justified to the measure (<see cref="LineSetter"/>). In <see cref="BreakMode.Word"/> lines
/// break only between words (titles, table cells). Characters no font has are left out and reported
/// through <c>missing</c>. Atoms are ranges over one glyph buffer: a report has tens of thousands of characters.
/// </summary>
public sealed class LineBreaker(FontSet fonts, IWordSegmenter? words = null)
{
    // Table cells repeat (unit names, states, deadlines) and each is measured before it is broken.
    private readonly ConcurrentDictionary<string, byte[]> _joins = new(StringComparer.Ordinal);

    public IReadOnlyList<TextLine> Break(string text, TextStyle style, float width, float firstLineIndent, TextAlign align, ISet<int> missing, BreakMode mode = BreakMode.Character)
    {
        var lines = new List<TextLine>();
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            var paragraph = newline < 0 ? text.AsSpan(start) : text.AsSpan(start, newline - start);
            var atoms = Atomize(paragraph.TrimEnd('\r'), style, missing, mode);
            BreakParagraph(atoms, style, width, lines.Count == 0 ? firstLineIndent : 0, align, lines);
            if (newline < 0) break;
            start = newline + 1;
        }
        return lines;
    }

    /// <summary>One paragraph cut where a line may break: each piece with its width and how much of that may hang at a line end.</summary>
    internal IReadOnlyList<TextPiece> Pieces(string paragraph, TextStyle style, BreakMode mode, ISet<int> missing)
    {
        var text = Atomize(paragraph, style, missing, mode);
        return [.. text.Atoms.Select(a => new TextPiece(
            text.OffsetOf(a.Start, paragraph.Length), text.OffsetOf(a.Start + a.Count, paragraph.Length), a.Width, text.Squeeze(a), a.IsSpace))];
    }

    private TextAtoms Atomize(ReadOnlySpan<char> paragraph, TextStyle style, ISet<int> missing, BreakMode mode)
    {
        byte[]? joined = null;
        if (mode == BreakMode.Word && paragraph.Length > 1)
        {
            var key = paragraph.ToString();
            joined = _joins.GetOrAdd(key, k => WordBreaks.Joined(k, words ?? JiebaWordSegmenter.Instance));
        }
        return TextAtoms.Of(paragraph, fonts, style, missing, joined);
    }

    private static void BreakParagraph(TextAtoms text, TextStyle style, float width, float indent, TextAlign align, List<TextLine> lines)
    {
        var current = new List<Atom>();
        var used = indent;
        var lineIndent = indent;
        void Flush(bool last)
        {
            lines.Add(LineSetter.Set(current, text, style, width, lineIndent, align, last));
            current.Clear();
            used = lineIndent = 0;
        }
        foreach (var atom in text.Atoms)
        {
            if (atom.IsSpace && current.Count == 0) continue;
            if (used + atom.Width - text.Squeeze(atom) <= width + 0.01f || Squeezes(current, atom, text, style, width, used, align))
            {
                current.Add(atom);
                used += atom.Width;
                continue;
            }
            if (current.Exists(a => !a.IsSpace))
            {
                Flush(last: false);
                if (atom.IsSpace) continue;
            }
            if (atom.Width - text.Squeeze(atom) <= width + 0.01f) { current.Add(atom); used += atom.Width; continue; }
            // An atom wider than the whole line (a very long address, a long word in a narrow cell): cut it where it must be cut.
            foreach (var piece in SplitToFit(atom, text, width - used, width))
            {
                if (used + piece.Width > width + 0.01f && current.Count > 0) Flush(last: false);
                current.Add(piece);
                used += piece.Width;
            }
        }
        while (current.Count > 0 && current[^1].IsSpace) current.RemoveAt(current.Count - 1);
        if (current.Count > 0 || text.Atoms.Count == 0) Flush(last: true);
    }

    // 标点挤压: a justified line whose gap (a long number that did not fit) would have to be spaced out
    // takes one more atom instead, if the blank halves of its full-width marks make room for it.
    private static bool Squeezes(List<Atom> current, Atom atom, TextAtoms text, TextStyle style, float width, float used, TextAlign align) =>
        align == TextAlign.Justify && !atom.IsSpace && current.Count > 0
        && width - used > LineSetter.Stretchable(current, text, style)
        && used + atom.Width - LineSetter.Compressible(current, text) - LineSetter.Compressible([atom], text) <= width + 0.01f;

    // The longest head that fits, cut where our rules joined words if it can be (省|人力资源), else between
    // characters, never before a closing mark.
    private static IEnumerable<Atom> SplitToFit(Atom atom, TextAtoms text, float firstWidth, float width)
    {
        var limit = firstWidth > 0 ? firstWidth : width;
        var start = atom.Start;
        var end = atom.Start + atom.Count;
        while (true)
        {
            var fit = start + 1;
            var used = text.Glyphs[start].Advance;
            // A closing mark stays with what it closes, hanging into the margin if it must (行末点号悬挂).
            while (fit < end && (used + text.Glyphs[fit].Advance <= limit + 0.01f || CharClass.CannotStartLine(text.Glyphs[fit].Codepoint)))
                used += text.Glyphs[fit++].Advance;
            if (fit == end) break;
            bool MayStart(int g) => !CharClass.CannotStartLine(text.Glyphs[g].Codepoint);
            var cut = fit;
            while (cut > start + 1 && !(MayStart(cut) && text.BondBefore(cut) != WordBreaks.Word)) cut--;
            if (!MayStart(cut) || text.BondBefore(cut) == WordBreaks.Word)
                for (cut = fit; cut > start + 1 && !MayStart(cut);) cut--;
            yield return new Atom(start, cut - start, text.Width(start, cut), false);
            start = cut;
            limit = width;
        }
        yield return new Atom(start, end - start, text.Width(start, end), false);
    }
}

/// <summary>A piece of a paragraph between two places a line may break: character offsets, width, and how much of it may hang at a line end.</summary>
internal readonly record struct TextPiece(int Start, int End, float Width, float Hang, bool IsSpace);
