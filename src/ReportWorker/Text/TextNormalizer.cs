using System.Text;

namespace ReportWorker.Text;

/// <summary>What a person obviously meant: stray spaces, full-width digits and letters.</summary>
public static class TextNormalizer
{
    /// <summary>Trims every kind of space, including the full-width one (U+3000) and zero-width marks.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text.Trim().Trim('\u3000', '\u00A0', '\u200B', '\uFEFF', '\u2002', '\u2003').Trim();
    }

    /// <summary>
    /// For codes, numbers and dates only: folds full-width forms to ASCII (８０ → 80, Ｃ－０１７ → C-017)
    /// and removes all whitespace. Never used on prose, where full-width punctuation is correct.
    /// </summary>
    public static string Narrow(string? text)
    {
        var folded = Clean(text).Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF') continue;
            sb.Append(c switch { '\u2212' or '\u2013' or '\u2014' or '\uFF0D' => '-', _ => c });
        }
        return sb.ToString();
    }

    /// <summary>Header text reduced to its letters: no spaces, brackets, asterisks or "必填" marks.</summary>
    public static string HeaderKey(string? text)
    {
        var narrow = Narrow(text).Replace("必填", "").Replace("选填", "");
        var sb = new StringBuilder(narrow.Length);
        foreach (var c in narrow)
            if (!(char.IsPunctuation(c) || char.IsSymbol(c) || char.IsWhiteSpace(c))) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>Splits a list cell: "省委办公厅、省审计厅；海口海关".</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        Clean(text).Split(['、', '，', ',', '；', ';', '\n', '\r', '/', '／', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Clean).Where(s => s.Length > 0).ToArray();
}
