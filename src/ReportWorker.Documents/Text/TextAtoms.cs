using ReportWorker.Documents.Fonts;

namespace ReportWorker.Documents.Text;

/// <summary>A run of glyphs that no line breaks inside, as a range over one paragraph's glyph buffer.</summary>
internal readonly record struct Atom(int Start, int Count, float Width, bool IsSpace);

/// <summary>
/// One paragraph as glyphs (X is the glyph's offset inside its box until a line places it), the character
/// offset each glyph came from, and the atoms a line may break between.
/// </summary>
internal sealed class TextAtoms
{
    /// <summary>The most blank a full-width box leaves beside its glyph, in em: with the most justification adds
    /// (<see cref="LineSetter.MaxStretchEm"/>) it stays under the 0.1 em at which pdftotext copies a space.</summary>
    public const float MaxBlankEm = 0.03f;

    public List<PlacedGlyph> Glyphs { get; } = [];
    public List<int> Offsets { get; } = [];
    public List<Atom> Atoms { get; } = [];
    private byte[]? _joined;

    /// <summary>How strongly the glyph is bound to the one before it (<see cref="WordBreaks"/>); 0 in character mode.</summary>
    public byte BondBefore(int glyph) => _joined is null || glyph >= Offsets.Count ? WordBreaks.Free : _joined[Offsets[glyph]];

    /// <summary>Characters no font has are left out and added to <paramref name="missing"/>. <paramref name="joined"/>
    /// (from <see cref="WordBreaks"/>) forbids further breaks, by character offset.</summary>
    public static TextAtoms Of(ReadOnlySpan<char> text, FontSet fonts, TextStyle style, ISet<int> missing, byte[]? joined)
    {
        var result = new TextAtoms { _joined = joined };
        var glyphs = result.Glyphs;
        var offset = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var at = offset;
            offset += rune.Utf16SequenceLength;
            var cp = rune.Value == '\t' ? ' ' : rune.Value;
            if (cp < 0x20) continue;
            var face = fonts.Resolve(cp, style.Role);
            if (face < 0) { missing.Add(cp); continue; }
            var natural = fonts.Faces[face].Advance(cp) * style.Size;
            var advance = natural;
            var inBox = 0f;
            if (CharClass.IsWide(cp))
            {
                advance = style.GridPitch ?? Math.Max(natural, style.Size);
                var alignment = CharClass.BoxAlignment(cp);
                // A narrow glyph in a full box (the Noto fonts' Latin middle dot, 0.33 em) would stand between
                // blanks that readers copy as spaces: no side gets more than MaxBlankEm.
                var blank = Math.Min(advance - natural, MaxBlankEm * style.Size / Math.Max(alignment, 1 - alignment));
                if (blank > 0) advance = natural + blank;
                inBox = (advance - natural) * alignment;
            }
            glyphs.Add(new PlacedGlyph(cp, face, inBox, advance));
            result.Offsets.Add(at);
        }
        result.Split();
        if (joined is not null) result.Join(joined);
        return result;
    }

    /// <summary>Where a piece of text starts, by character offset; the text's length past the last glyph.</summary>
    public int OffsetOf(int glyph, int textLength) => glyph < Offsets.Count ? Offsets[glyph] : textLength;

    public float Width(int start, int end)
    {
        var w = 0f;
        for (var i = start; i < end; i++) w += Glyphs[i].Advance;
        return w;
    }

    /// <summary>How much of an atom may hang past the measure: half of a trailing full-width closing mark.</summary>
    public float Squeeze(Atom atom)
    {
        if (atom.Count < 2) return 0;
        var last = Glyphs[atom.Start + atom.Count - 1];
        return CharClass.CannotStartLine(last.Codepoint) && CharClass.IsWide(last.Codepoint) ? last.Advance / 2 : 0;
    }

    // Every Chinese character is its own atom; Latin words, numbers (with their unit), codes and addresses
    // are one; punctuation sticks to the side it may not be parted from.
    private void Split()
    {
        var glyphs = Glyphs;
        for (var i = 0; i < glyphs.Count;)
        {
            var start = i;
            var cp = glyphs[i].Codepoint;
            var isSpace = CharClass.IsSpace(cp);
            if (isSpace) i++;
            else if (!CharClass.IsWide(cp) && CharClass.IsWordChar(cp))
            {
                while (i < glyphs.Count && !CharClass.IsWide(glyphs[i].Codepoint) && CharClass.IsWordChar(glyphs[i].Codepoint)) i++;
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
            var atom = new Atom(start, i - start, Width(start, i), isSpace);
            // An opening mark joins what follows it.
            if (Atoms.Count > 0 && !isSpace && CharClass.CannotEndLine(glyphs[Atoms[^1].Start + Atoms[^1].Count - 1].Codepoint))
                Atoms[^1] = Merge(Atoms[^1], atom);
            else Atoms.Add(atom);
        }
    }

    private void Join(byte[] joined)
    {
        var merged = new List<Atom>(Atoms.Count);
        foreach (var atom in Atoms)
        {
            if (merged.Count > 0 && !atom.IsSpace && !merged[^1].IsSpace && joined[Offsets[atom.Start]] != WordBreaks.Free) merged[^1] = Merge(merged[^1], atom);
            else merged.Add(atom);
        }
        Atoms.Clear();
        Atoms.AddRange(merged);
    }

    private static Atom Merge(Atom a, Atom b) => a with { Count = a.Count + b.Count, Width = a.Width + b.Width };
}
