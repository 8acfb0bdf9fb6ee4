namespace ReportWorker.Documents.Text;

/// <summary>
/// Places the atoms of one line: squeezes punctuation when they overrun the measure (标点挤压), and
/// justifies a full line by spacing, but never so widely that a reader copies the text with spaces in it.
/// </summary>
internal static class LineSetter
{
    /// <summary>
    /// The most a justified line adds after one glyph, in em. pdftotext (poppler 22.12) starts a new word
    /// where the gap after a glyph's advance exceeds 0.10 em, and on a line that then holds words of one
    /// and of several characters it prints a space at every gap over 0.03 em ("序 时 推 进 235项"). Measured
    /// by drawing lines with gaps of 0.060–0.140 em: at 10.5 pt no space up to 0.095, spaces from 0.100; on the
    /// 16 pt grid (boxes 0.014 em narrower than the glyphs) none up to 0.110, spaces from 0.115. Half of it
    /// keeps a margin for other readers (pdf.js splits near 0.1 em too) and is too little to see as spacing.
    /// </summary>
    public const float MaxStretchEm = 0.05f;

    public static TextLine Set(List<Atom> atoms, TextAtoms text, TextStyle style, float width, float indent, TextAlign align, bool last)
    {
        while (atoms.Count > 0 && atoms[^1].IsSpace) atoms.RemoveAt(atoms.Count - 1);
        var count = 0;
        foreach (var a in atoms) count += a.Count;
        var glyphs = new PlacedGlyph[count];
        var atomEnd = count <= 512 ? stackalloc bool[count] : new bool[count];
        var n = 0;
        foreach (var atom in atoms)
            for (var i = 0; i < atom.Count; i++)
            {
                glyphs[n] = text.Glyphs[atom.Start + i];
                atomEnd[n++] = i == atom.Count - 1;
            }
        var used = indent;
        foreach (var g in glyphs) used += g.Advance;
        if (used > width && count > 0) used -= Compress(glyphs, used - width);

        var step = 0f;
        if (align == TextAlign.Justify && !last && count > 1 && used < width)
        {
            var gaps = 0;
            for (var i = 0; i < count - 1; i++) if (Stretches(glyphs, atomEnd, i)) gaps++;
            // Whatever the capped spacing cannot take stays at the end of the line.
            if (gaps > 0) step = Math.Min((width - used) / gaps, MaxStretchEm * style.Size);
        }
        var x = indent;
        for (var i = 0; i < count; i++)
        {
            var advance = glyphs[i].Advance;
            glyphs[i].X += x;
            x += advance;
            if (step > 0 && i < count - 1 && Stretches(glyphs, atomEnd, i)) x += step;
        }
        return new TextLine(glyphs, count == 0 ? indent : x, style);
    }

    /// <summary>How far a line may shrink by taking the blank halves of its full-width marks.</summary>
    public static float Compressible(IEnumerable<Atom> atoms, TextAtoms text)
    {
        var total = 0f;
        foreach (var atom in atoms)
            for (var i = atom.Start; i < atom.Start + atom.Count; i++) total += Blank(text.Glyphs[i]);
        return total;
    }

    /// <summary>How much a line could be widened by justification without spacing it out.</summary>
    public static float Stretchable(List<Atom> atoms, TextAtoms text, TextStyle style)
    {
        var gaps = -1;
        foreach (var atom in atoms)
        {
            gaps++;
            for (var i = atom.Start; i < atom.Start + atom.Count - 1; i++)
                if (CharClass.IsWide(text.Glyphs[i].Codepoint) || CharClass.IsWide(text.Glyphs[i + 1].Codepoint)) gaps++;
        }
        return Math.Max(0, gaps) * MaxStretchEm * style.Size;
    }

    // Between atoms, and between glyphs of an atom where a full-width character stands: never inside a Latin word or number.
    private static bool Stretches(PlacedGlyph[] glyphs, Span<bool> atomEnd, int i) =>
        atomEnd[i] || CharClass.IsWide(glyphs[i].Codepoint) || CharClass.IsWide(glyphs[i + 1].Codepoint);

    private static float Blank(PlacedGlyph g) => CharClass.IsWide(g.Codepoint) && CharClass.BlankSide(g.Codepoint) != 0 ? g.Advance / 2 : 0;

    /// <summary>Takes up to <paramref name="overflow"/> from the marks' blank halves; returns how much it took.</summary>
    private static float Compress(PlacedGlyph[] glyphs, float overflow)
    {
        var taken = 0f;
        var last = glyphs.Length - 1;
        // The closing mark that ends the line first: its blank half would only hang in the margin.
        if (CharClass.CannotStartLine(glyphs[last].Codepoint))
        {
            var c = Math.Min(overflow, glyphs[last].Advance / 2);
            glyphs[last].Advance -= c;
            taken += c;
        }
        // Then every other mark alike, none by more than its blank half.
        var room = new float[last];
        var open = 0;
        for (var i = 0; i < last; i++) if ((room[i] = Blank(glyphs[i])) > 0) open++;
        while (overflow - taken > 0.001f && open > 0)
        {
            var share = (overflow - taken) / open;
            open = 0;
            for (var i = 0; i < last; i++)
            {
                if (room[i] <= 0) continue;
                var c = Math.Min(share, room[i]);
                glyphs[i].Advance -= c;
                // An opening mark's blank half is on its left: the glyph moves back into it.
                if (CharClass.BlankSide(glyphs[i].Codepoint) < 0) glyphs[i].X -= c;
                room[i] -= c;
                taken += c;
                if (room[i] > 0.001f) open++;
            }
        }
        return taken;
    }
}
