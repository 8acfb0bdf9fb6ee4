using ReportWorker.Documents.Fonts;

namespace ReportWorker.Documents.Text;

/// <summary>
/// Breaks text into lines by the usual Chinese rules: no line starts with closing punctuation, none
/// ends with an opening bracket or quote, Latin words, numbers, codes and addresses stay whole
/// (2025年, 77.2%, C-017, a@b.cn), a closing mark may hang half into the margin (标点挤压), and full
/// lines are justified to the measure. Characters no font has are left out and reported through
/// <c>missing</c>. Atoms are ranges over one glyph buffer: a report has tens of thousands of characters.
/// </summary>
public sealed class LineBreaker(FontSet fonts)
{
    public IReadOnlyList<TextLine> Break(string text, TextStyle style, float width, float firstLineIndent, TextAlign align, ISet<int> missing)
    {
        var lines = new List<TextLine>();
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            var paragraph = newline < 0 ? text.AsSpan(start) : text.AsSpan(start, newline - start);
            BreakParagraph(paragraph.TrimEnd('\r'), style, width, lines.Count == 0 ? firstLineIndent : 0, align, missing, lines);
            if (newline < 0) break;
            start = newline + 1;
        }
        return lines;
    }

    private void BreakParagraph(ReadOnlySpan<char> text, TextStyle style, float width, float indent, TextAlign align, ISet<int> missing, List<TextLine> lines)
    {
        var glyphs = new List<PlacedGlyph>(text.Length);
        var atoms = Atoms(text, style, missing, glyphs);
        var current = new List<Atom>();
        var used = indent;
        var lineIndent = indent;
        void Flush(bool last)
        {
            lines.Add(Line(current, glyphs, style, width, lineIndent, align, last));
            current.Clear();
            used = lineIndent = 0;
        }
        foreach (var atom in atoms)
        {
            if (atom.IsSpace && current.Count == 0) continue;
            if (used + atom.Width - Squeeze(atom, glyphs) <= width + 0.01f) { current.Add(atom); used += atom.Width; continue; }
            if (current.Exists(a => !a.IsSpace))
            {
                Flush(last: false);
                if (atom.IsSpace) continue;
            }
            if (atom.Width - Squeeze(atom, glyphs) <= width + 0.01f) { current.Add(atom); used += atom.Width; continue; }
            // An atom wider than the whole line (a very long address): cut it where it must be cut.
            foreach (var piece in SplitToFit(atom, glyphs, width - used, width))
            {
                if (used + piece.Width > width + 0.01f && current.Count > 0) Flush(last: false);
                current.Add(piece);
                used += piece.Width;
            }
        }
        while (current.Count > 0 && current[^1].IsSpace) current.RemoveAt(current.Count - 1);
        if (current.Count > 0 || text.Length == 0 || atoms.Count == 0) Flush(last: true);
    }

    private static TextLine Line(List<Atom> atoms, List<PlacedGlyph> source, TextStyle style, float width, float indent, TextAlign align, bool last)
    {
        while (atoms.Count > 0 && atoms[^1].IsSpace) atoms.RemoveAt(atoms.Count - 1);
        var count = 0;
        foreach (var a in atoms) count += a.Count;
        var glyphs = new PlacedGlyph[count];
        var gapAfter = count <= 512 ? stackalloc bool[count] : new bool[count];
        var x = indent;
        var n = 0;
        foreach (var atom in atoms)
            for (var i = 0; i < atom.Count; i++)
            {
                var g = source[atom.Start + i];
                glyphs[n] = g with { X = x + g.X };
                x += g.Advance;
                // Stretch between atoms and between full-width characters, never inside a Latin word.
                gapAfter[n++] = i == atom.Count - 1 || atom.IsWide;
            }
        var used = x;
        if (used > width && count > 0 && CharClass.CannotStartLine(glyphs[^1].Codepoint))
        {
            // The hanging half of the closing mark is blank: the line ends at the measure.
            var overflow = Math.Min(used - width, glyphs[^1].Advance / 2);
            glyphs[^1] = glyphs[^1] with { Advance = glyphs[^1].Advance - overflow };
            used -= overflow;
        }
        if (align == TextAlign.Justify && !last && count > 1)
        {
            var gaps = 0;
            for (var i = 0; i < count - 1; i++) if (gapAfter[i]) gaps++;
            var extra = width - used;
            if (gaps > 0 && extra > 0 && extra < width * 0.5f)
            {
                var step = extra / gaps;
                var shift = 0f;
                for (var i = 0; i < count; i++)
                {
                    glyphs[i].X += shift;
                    if (gapAfter[i]) shift += step;
                }
                used = width;
            }
        }
        return new TextLine(glyphs, used, style);
    }

    private List<Atom> Atoms(ReadOnlySpan<char> text, TextStyle style, ISet<int> missing, List<PlacedGlyph> glyphs)
    {
        var wide = new List<bool>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var cp = rune.Value == '\t' ? ' ' : rune.Value;
            if (cp < 0x20) continue;
            var face = fonts.Resolve(cp, style.Role);
            if (face < 0) { missing.Add(cp); continue; }
            var natural = fonts.Faces[face].Advance(cp) * style.Size;
            var isWide = CharClass.IsWide(cp);
            var advance = natural;
            var offset = 0f;
            if (isWide)
            {
                var box = style.GridPitch ?? Math.Max(natural, style.Size);
                advance = box;
                offset = (box - natural) * CharClass.BoxAlignment(cp);
            }
            glyphs.Add(new PlacedGlyph(cp, face, offset, advance));
            wide.Add(isWide);
        }

        var atoms = new List<Atom>(glyphs.Count);
        for (var i = 0; i < glyphs.Count;)
        {
            var start = i;
            var cp = glyphs[i].Codepoint;
            var isSpace = CharClass.IsSpace(cp);
            if (isSpace) i++;
            else if (!wide[i] && CharClass.IsWordChar(cp))
            {
                while (i < glyphs.Count && !wide[i] && CharClass.IsWordChar(glyphs[i].Codepoint)) i++;
                // 2025年, 3月, 10%: a number keeps its unit.
                if (CharClass.IsDigit(glyphs[i - 1].Codepoint) && i < glyphs.Count && CharClass.IsNumberUnit(glyphs[i].Codepoint)) i++;
            }
            else
            {
                i++;
                // —— and …… are one mark each.
                while (i < glyphs.Count && glyphs[i].Codepoint == cp && cp is 0x2014 or 0x2026) i++;
            }
            // Closing punctuation joins what it follows.
            while (!isSpace && i < glyphs.Count && CharClass.CannotStartLine(glyphs[i].Codepoint) && !CharClass.IsSpace(glyphs[i].Codepoint)) i++;
            var atom = new Atom(start, i - start, Width(glyphs, start, i), wide[start], isSpace);
            // An opening mark joins what follows it.
            if (atoms.Count > 0 && !isSpace && CharClass.CannotEndLine(glyphs[atoms[^1].Start + atoms[^1].Count - 1].Codepoint))
            {
                var previous = atoms[^1];
                atoms[^1] = previous with { Count = previous.Count + atom.Count, Width = previous.Width + atom.Width, IsWide = previous.IsWide || atom.IsWide };
            }
            else atoms.Add(atom);
        }
        return atoms;
    }

    private static float Width(List<PlacedGlyph> glyphs, int start, int end)
    {
        var w = 0f;
        for (var i = start; i < end; i++) w += glyphs[i].Advance;
        return w;
    }

    /// <summary>How much of an atom may hang past the measure: half of a trailing full-width closing mark.</summary>
    private static float Squeeze(Atom atom, List<PlacedGlyph> glyphs)
    {
        if (atom.Count < 2) return 0;
        var last = glyphs[atom.Start + atom.Count - 1];
        return CharClass.CannotStartLine(last.Codepoint) && CharClass.IsWide(last.Codepoint) ? last.Advance / 2 : 0;
    }

    private static IEnumerable<Atom> SplitToFit(Atom atom, List<PlacedGlyph> glyphs, float firstWidth, float width)
    {
        var limit = firstWidth > 0 ? firstWidth : width;
        var start = atom.Start;
        var pieceWidth = 0f;
        for (var i = atom.Start; i < atom.Start + atom.Count; i++)
        {
            var g = glyphs[i];
            if (i > start && pieceWidth + g.Advance > limit && !CharClass.CannotStartLine(g.Codepoint))
            {
                yield return atom with { Start = start, Count = i - start, Width = pieceWidth };
                start = i;
                pieceWidth = 0;
                limit = width;
            }
            pieceWidth += g.Advance;
        }
        yield return atom with { Start = start, Count = atom.Start + atom.Count - start, Width = pieceWidth };
    }

    private readonly record struct Atom(int Start, int Count, float Width, bool IsWide, bool IsSpace);
}
