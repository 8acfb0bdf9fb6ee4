using ReportWorker.Documents.Fonts;

namespace ReportWorker.Documents.Text;

/// <summary>
/// Breaks text into lines by the usual Chinese rules: no line starts with closing punctuation, none
/// ends with an opening bracket or quote, Latin words, numbers, codes and addresses stay whole
/// (2025年, 77.2%, C-017, a@b.cn), and full lines are justified to the measure.
/// Characters no font has are left out and reported through <paramref name="missing"/>.
/// </summary>
public sealed class LineBreaker(FontSet fonts)
{
    public IReadOnlyList<TextLine> Break(string text, TextStyle style, float width, float firstLineIndent, TextAlign align, ISet<int> missing)
    {
        var lines = new List<TextLine>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            BreakParagraph(paragraph, style, width, lines.Count == 0 ? firstLineIndent : 0, align, missing, lines);
        return lines;
    }

    private void BreakParagraph(string text, TextStyle style, float width, float indent, TextAlign align, ISet<int> missing, List<TextLine> lines)
    {
        var atoms = Atoms(text, style, missing);
        var current = new List<Atom>();
        var used = indent;
        var lineIndent = indent;
        foreach (var atom in atoms)
        {
            if (atom.IsSpace && current.Count == 0) continue;
            // A closing mark at the end of a line may hang into its own empty half (标点挤压), which
            // keeps it off the start of the next line even when the line is full.
            if (used + atom.Width - atom.Squeeze <= width + 0.01f) { current.Add(atom); used += atom.Width; continue; }
            if (current.Count > 0 && !current.All(a => a.IsSpace))
            {
                lines.Add(Line(current, style, width, lineIndent, align, last: false));
                current.Clear();
                used = lineIndent = 0;
                if (atom.IsSpace) continue;
            }
            if (atom.Width - atom.Squeeze <= width + 0.01f) { current.Add(atom); used += atom.Width; continue; }
            // An atom wider than the whole line (a very long address): split it where it must.
            foreach (var piece in atom.SplitToFit(width - used, width))
            {
                if (used + piece.Width > width + 0.01f && current.Count > 0)
                {
                    lines.Add(Line(current, style, width, lineIndent, align, last: false));
                    current.Clear();
                    used = lineIndent = 0;
                }
                current.Add(piece);
                used += piece.Width;
            }
        }
        while (current.Count > 0 && current[^1].IsSpace) current.RemoveAt(current.Count - 1);
        if (current.Count > 0 || lines.Count == 0 || text.Length == 0)
            lines.Add(Line(current, style, width, lineIndent, align, last: true));
    }

    private static TextLine Line(List<Atom> atoms, TextStyle style, float width, float indent, TextAlign align, bool last)
    {
        while (atoms.Count > 0 && atoms[^1].IsSpace) atoms.RemoveAt(atoms.Count - 1);
        var glyphs = new List<PlacedGlyph>();
        var gapAfter = new List<bool>();
        var x = indent;
        foreach (var atom in atoms)
            for (var i = 0; i < atom.Glyphs.Count; i++)
            {
                var g = atom.Glyphs[i];
                glyphs.Add(g with { X = x + g.X });
                x += g.Advance;
                // Stretch between atoms and between full-width characters, never inside a Latin word.
                gapAfter.Add(i == atom.Glyphs.Count - 1 || atom.IsWide);
            }
        var used = x;
        if (used > width && glyphs.Count > 0 && CharClass.CannotStartLine(glyphs[^1].Codepoint))
        {
            // The hanging half of the closing mark is blank: the line ends at the measure.
            var overflow = Math.Min(used - width, glyphs[^1].Advance / 2);
            glyphs[^1] = glyphs[^1] with { Advance = glyphs[^1].Advance - overflow };
            used -= overflow;
        }
        if (align == TextAlign.Justify && !last && glyphs.Count > 1)
        {
            var gaps = gapAfter.Take(gapAfter.Count - 1).Count(g => g);
            var extra = width - used;
            if (gaps > 0 && extra > 0 && extra < width * 0.5f)
            {
                var step = extra / gaps;
                var shift = 0f;
                for (var i = 0; i < glyphs.Count; i++)
                {
                    glyphs[i] = glyphs[i] with { X = glyphs[i].X + shift };
                    if (gapAfter[i]) shift += step;
                }
                used = width;
            }
        }
        return new TextLine([.. glyphs], used, style);
    }

    private List<Atom> Atoms(string text, TextStyle style, ISet<int> missing)
    {
        var glyphs = new List<(PlacedGlyph Glyph, bool Wide)>();
        foreach (var rune in text.EnumerateRunes())
        {
            var cp = rune.Value;
            if (cp == '\t') cp = ' ';
            if (cp < 0x20 || rune.Utf16SequenceLength == 0) continue;
            var face = fonts.Resolve(cp, style.Role);
            if (face < 0) { missing.Add(cp); continue; }
            var natural = fonts.Faces[face].Advance(cp) * style.Size;
            var wide = CharClass.IsWide(cp);
            var advance = natural;
            var offset = 0f;
            if (wide)
            {
                var box = style.GridPitch ?? Math.Max(natural, style.Size);
                advance = box;
                offset = (box - natural) * CharClass.BoxAlignment(cp);
            }
            glyphs.Add((new PlacedGlyph(cp, face, offset, advance), wide));
        }

        var atoms = new List<Atom>();
        for (var i = 0; i < glyphs.Count;)
        {
            var (glyph, wide) = glyphs[i];
            var cp = glyph.Codepoint;
            var atom = new Atom(wide);
            if (CharClass.IsSpace(cp)) { atom.Add(glyph); atom.IsSpace = true; i++; }
            else if (!wide && CharClass.IsWordChar(cp))
            {
                while (i < glyphs.Count && !glyphs[i].Wide && CharClass.IsWordChar(glyphs[i].Glyph.Codepoint)) atom.Add(glyphs[i++].Glyph);
                // 2025年, 3月, 10%: a number keeps its unit.
                if (CharClass.IsDigit(atom.Glyphs[^1].Codepoint) && i < glyphs.Count && CharClass.IsNumberUnit(glyphs[i].Glyph.Codepoint)) atom.Add(glyphs[i++].Glyph);
            }
            else
            {
                atom.Add(glyph);
                i++;
                // —— and …… are one mark each.
                while (i < glyphs.Count && glyphs[i].Glyph.Codepoint == cp && cp is 0x2014 or 0x2026) atom.Add(glyphs[i++].Glyph);
            }
            // Closing punctuation joins what it follows; an opening mark joins what follows it.
            while (!atom.IsSpace && i < glyphs.Count && CharClass.CannotStartLine(glyphs[i].Glyph.Codepoint) && !CharClass.IsSpace(glyphs[i].Glyph.Codepoint))
                atom.Add(glyphs[i++].Glyph);
            if (atoms.Count > 0 && atoms[^1].EndsOpen && !atom.IsSpace) atoms[^1].Append(atom);
            else atoms.Add(atom);
        }
        return atoms;
    }

    private sealed class Atom(bool wide)
    {
        public List<PlacedGlyph> Glyphs { get; } = [];
        public bool IsWide { get; private set; } = wide;
        public bool IsSpace { get; set; }
        public float Width { get; private set; }
        public bool EndsOpen => Glyphs.Count > 0 && CharClass.CannotEndLine(Glyphs[^1].Codepoint);

        /// <summary>How much of the atom may hang past the measure: half of a trailing full-width closing mark.</summary>
        public float Squeeze => Glyphs.Count > 1 && CharClass.CannotStartLine(Glyphs[^1].Codepoint) && CharClass.IsWide(Glyphs[^1].Codepoint) ? Glyphs[^1].Advance / 2 : 0;

        public void Add(PlacedGlyph g) { Glyphs.Add(g with { X = g.X }); Width += g.Advance; }
        public void Append(Atom other) { foreach (var g in other.Glyphs) Add(g); IsWide |= other.IsWide; }

        public IEnumerable<Atom> SplitToFit(float firstWidth, float width)
        {
            var piece = new Atom(IsWide);
            var limit = firstWidth > 0 ? firstWidth : width;
            foreach (var g in Glyphs)
            {
                if (piece.Glyphs.Count > 0 && piece.Width + g.Advance > limit && !CharClass.CannotStartLine(g.Codepoint)) { yield return piece; piece = new Atom(IsWide); limit = width; }
                piece.Add(g);
            }
            if (piece.Glyphs.Count > 0) yield return piece;
        }
    }
}
