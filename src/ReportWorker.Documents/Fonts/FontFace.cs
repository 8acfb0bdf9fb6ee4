using System.Collections.Concurrent;
using SkiaSharp;

namespace ReportWorker.Documents.Fonts;

/// <summary>
/// One font file loaded for measuring and subsetting. A file is read once per process: every font set,
/// document and thread that names it shares the one face, which is safe to use from several threads.
/// Advances are cached per character in em units, so measuring is a lookup after the first sight of a character.
/// </summary>
public sealed class FontFace
{
    // Faces live as long as the process: a worker renders with the same few files for a year, and a face
    // that was let go and loaded again would cost its megabytes again.
    private static readonly ConcurrentDictionary<string, Lazy<FontFace>> Shared = new(StringComparer.Ordinal);
    private static long _loadCount;

    private readonly Dictionary<int, float> _advance = [];
    // Basic Multilingual Plane advances, read without a lock once known (NaN = not measured yet).
    private readonly float[] _bmp = CreateBmpCache();
    private readonly Lock _gate = new();
    private readonly FontSubsetter.NativeFace _native;

    private FontFace(string path, int index, byte[] data, SKTypeface typeface)
    {
        Path = path;
        Index = index;
        Size = data.Length;
        Typeface = typeface;
        using (var unitFont = new SKFont(typeface, 1000f) { LinearMetrics = true, Hinting = SKFontHinting.None })
        {
            var metrics = unitFont.Metrics;
            Ascent = -metrics.Ascent / 1000f;
            Descent = metrics.Descent / 1000f;
        }
        _native = new FontSubsetter.NativeFace(data, index);
    }

    /// <summary>Raised once for every font file read from disk, on the thread that read it.</summary>
    public static event Action<FontFace>? Loaded;

    /// <summary>How many font files this process has read from disk.</summary>
    public static long LoadCount => Interlocked.Read(ref _loadCount);

    public string Path { get; }
    public int Index { get; }
    /// <summary>The font file's length in bytes.</summary>
    public long Size { get; }
    public float Ascent { get; }
    public float Descent { get; }
    /// <summary>The whole font, for measuring and for pictures; PDFs draw with a per-document subset instead.</summary>
    internal SKTypeface Typeface { get; }

    /// <summary>The process's face for this file ("path" or "path.ttc#index"), read from disk on first use.</summary>
    public static FontFace Load(string spec)
    {
        var key = FontSpec.Normalize(spec);
        var lazy = Shared.GetOrAdd(key, _ => new Lazy<FontFace>(() => Read(spec), LazyThreadSafetyMode.ExecutionAndPublication));
        try { return lazy.Value; }
        catch
        {
            // A file that was missing or unreadable may be put right; the next caller tries again.
            Shared.TryRemove(new KeyValuePair<string, Lazy<FontFace>>(key, lazy));
            throw;
        }
    }

    private static FontFace Read(string spec)
    {
        var (path, index) = FontSpec.Parse(spec);
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Font file not found: {path}", path);
        var data = File.ReadAllBytes(path);
        if (IsCff(data, index))
            throw new NotSupportedException($"{path} has CFF (PostScript) outlines; PDF readers copy its text as radicals. Convert it to TrueType (see Fonts/build_fonts.py).");
        using var skData = SKData.CreateCopy(data);
        var typeface = SKTypeface.FromData(skData, index) ?? throw new InvalidDataException($"{path} is not a font SkiaSharp can read.");
        var face = new FontFace(path, index, data, typeface);
        Interlocked.Increment(ref _loadCount);
        Loaded?.Invoke(face);
        return face;
    }

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

    private static float[] CreateBmpCache()
    {
        var cache = new float[0x10000];
        Array.Fill(cache, float.NaN);
        return cache;
    }

    // sfnt tag 'OTTO' means CFF outlines; in a collection, look at the chosen face's offset table.
    private static bool IsCff(byte[] data, int index)
    {
        var offset = 0;
        if (data.Length > 16 && data.AsSpan(0, 4).SequenceEqual("ttcf"u8))
            offset = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(12 + 4 * index, 4));
        return data.Length > offset + 4 && data.AsSpan(offset, 4).SequenceEqual("OTTO"u8);
    }
}
