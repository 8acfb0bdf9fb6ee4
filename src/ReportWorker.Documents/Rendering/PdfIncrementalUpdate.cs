using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportWorker.Documents.Rendering;

/// <summary>
/// Changes a finished PDF by appending an incremental update: new objects and new versions of old ones,
/// with a cross-reference section that chains to Skia's (/Prev). Skia's bytes stay untouched, so every
/// offset in its table stays valid, and PDF/A-2 permits the form.
/// </summary>
internal sealed partial class PdfIncrementalUpdate
{
    private readonly byte[] _pdf;
    private readonly string _text;
    private readonly int _size;
    private readonly string _trailer;
    private readonly string _previousXref;
    private readonly SortedDictionary<int, string> _objects = [];

    public PdfIncrementalUpdate(byte[] pdf)
    {
        _pdf = pdf;
        _text = Encoding.Latin1.GetString(pdf);
        var trailerAt = _text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (trailerAt < 0) throw new InvalidDataException("PDF has no trailer.");
        _trailer = _text[trailerAt..];
        var root = RootPattern().Match(_trailer);
        if (!root.Success) throw new InvalidDataException("PDF trailer names no /Root.");
        Root = int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture);
        _size = int.Parse(SizePattern().Match(_trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        _previousXref = StartXrefPattern().Matches(_text)[^1].Groups[1].Value;
        NextNumber = _size;
    }

    /// <summary>The document catalog's object number.</summary>
    public int Root { get; }

    /// <summary>The number the next added object gets.</summary>
    public int NextNumber { get; private set; }

    /// <summary>The dictionary of an object as it stands in the file (or as replaced in this update).</summary>
    public string ObjectBody(int number)
    {
        if (_objects.TryGetValue(number, out var replaced)) return replaced;
        var start = _text.LastIndexOf($"\n{number} 0 obj\n", StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException($"PDF object {number} not found.");
        start = _text.IndexOf('\n', start + 1) + 1;
        var end = _text.IndexOf("\nendobj", start, StringComparison.Ordinal);
        return _text[start..end];
    }

    /// <summary>Reserves the next object number; its body is given later with <see cref="Set"/>.</summary>
    public int Reserve() => NextNumber++;

    /// <summary>The body of a new object (a reserved number) or the new version of an existing one.</summary>
    public void Set(int number, string body) => _objects[number] = body;

    public byte[] Write()
    {
        using var output = new MemoryStream();
        output.Write(_pdf);
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("\n");
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in _objects)
        {
            offsets[number] = output.Position;
            Write($"{number} 0 obj\n{body}\nendobj\n");
        }
        var xref = output.Position;
        var sb = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        // One subsection per run of consecutive numbers: the replaced catalog, then the new objects.
        var numbers = offsets.Keys.ToArray();
        for (var i = 0; i < numbers.Length;)
        {
            var run = 1;
            while (i + run < numbers.Length && numbers[i + run] == numbers[i] + run) run++;
            sb.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {run}\n");
            for (var k = i; k < i + run; k++) sb.Append(CultureInfo.InvariantCulture, $"{offsets[numbers[k]]:D10} 00000 n \n");
            i += run;
        }
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {Math.Max(_size, NextNumber)}\n/Root {Root} 0 R\n");
        if (InfoPattern().Match(_trailer) is { Success: true } info) sb.Append(info.Value).Append('\n');
        if (IdPattern().Match(_trailer) is { Success: true } id) sb.Append(id.Value).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"/Prev {_previousXref}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(sb.ToString());
        return output.ToArray();
    }

    /// <summary>A PDF text string: a literal when plain ASCII (so "/Lang (zh-CN)" stays readable), else UTF-16BE hex.</summary>
    public static string TextString(string s) =>
        s.All(c => c is >= ' ' and <= '~')
            ? "(" + s.Replace(@"\", @"\\").Replace("(", @"\(").Replace(")", @"\)") + ")"
            : "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(s)) + ">";

    [GeneratedRegex(@"/Size (\d+)")] private static partial Regex SizePattern();
    [GeneratedRegex(@"/Root (\d+) 0 R")] private static partial Regex RootPattern();
    [GeneratedRegex(@"/Info \d+ 0 R")] private static partial Regex InfoPattern();
    [GeneratedRegex(@"/ID \[[^\]]*\]")] private static partial Regex IdPattern();
    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXrefPattern();
}
