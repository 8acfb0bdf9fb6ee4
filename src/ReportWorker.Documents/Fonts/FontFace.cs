using SkiaSharp;

namespace ReportWorker.Documents.Fonts;

/// <summary>
/// One font file loaded for measuring. Advances are cached per character in em units, so measuring
/// is a dictionary lookup after the first sight of a character.
/// </summary>
public sealed class FontFace : IDisposable
{
    private readonly Dictionary<int, float> _advance = [];
    // Basic Multilingual Plane advances, read without a lock once known (NaN = not measured yet).
    private readonly float[] _bmp = CreateBmpCache();

    private static float[] CreateBmpCache()
    {
        var cache = new float[0x10000];
        Array.Fill(cache, float.NaN);
        return cache;
    }
    private readonly Lock _gate = new();

    private FontFace(string path, int index, byte[] data, SKTypeface typeface)
    {
        Path = path;
        Index = index;
        Data = data;
        Typeface = typeface;
        using (var unitFont = new SKFont(typeface, 1000f) { LinearMetrics = true, Hinting = SKFontHinting.None })
        {
            var metrics = unitFont.Metrics;
            Ascent = -metrics.Ascent / 1000f;
            Descent = metrics.Descent / 1000f;
        }
        _native = new FontSubsetter.NativeFace(data, index);
    }

    public string Path { get; }
    public int Index { get; }
    public byte[] Data { get; }
    public SKTypeface Typeface { get; }
    public float Ascent { get; }
    public float Descent { get; }

    public static FontFace Load(string spec)
    {
        var (path, index) = Parse(spec);
        if (!File.Exists(path)) throw new FileNotFoundException($"Font file not found: {path}", path);
        var data = File.ReadAllBytes(path);
        if (IsCff(data, index))
            throw new NotSupportedException($"{path} has CFF (PostScript) outlines; PDF readers copy its text as radicals. Convert it to TrueType (see Fonts/build_fonts.py).");
        using var skData = SKData.CreateCopy(data);
        var typeface = SKTypeface.FromData(skData, index) ?? throw new InvalidDataException($"{path} is not a font SkiaSharp can read.");
        return new FontFace(path, index, data, typeface);
    }

    private readonly FontSubsetter.NativeFace _native;

    /// <summary>This font cut down to the given characters (TrueType, for embedding).</summary>
    public byte[] Subset(IEnumerable<int> codepoints) => FontSubsetter.Subset(_native, codepoints);

    public bool Has(int codepoint) => Advance(codepoint) >= 0;

    /// <summary>Advance of the character in em (multiply by the font size in points); -1 if the font lacks it.</summary>
    public float Advance(int codepoint)
    {
        if (codepoint < 0x10000 && Volatile.Read(ref _bmp[codepoint]) is var known && !float.IsNaN(known)) return known;
        lock (_gate)
        {
            if (_advance.TryGetValue(codepoint, out var a)) return a;
            a = _native.Advance(codepoint);
            _advance[codepoint] = a;
            if (codepoint < 0x10000) Volatile.Write(ref _bmp[codepoint], a);
            return a;
        }
    }

    private static (string Path, int Index) Parse(string spec)
    {
        var hash = spec.LastIndexOf('#');
        return hash > 0 && int.TryParse(spec[(hash + 1)..], out var i) ? (spec[..hash], i) : (spec, 0);
    }

    // sfnt tag 'OTTO' means CFF outlines; in a collection, look at the chosen face's offset table.
    private static bool IsCff(byte[] data, int index)
    {
        var offset = 0;
        if (data.Length > 16 && data.AsSpan(0, 4).SequenceEqual("ttcf"u8))
            offset = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(12 + 4 * index, 4));
        return data.Length > offset + 4 && data.AsSpan(offset, 4).SequenceEqual("OTTO"u8);
    }

    public void Dispose()
    {
        _native.Dispose();
        Typeface.Dispose();
    }
}
