using System.Runtime.InteropServices;

namespace ReportWorker.Documents.Fonts;

/// <summary>
/// Cuts a TrueType font down to the characters one document uses (HarfBuzz hb_subset, which the
/// managed HarfBuzzSharp wrapper does not expose). Skia embeds whatever file it is given, whole.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Lib = "libHarfBuzzSharp";

    /// <summary>
    /// A HarfBuzz face over a native copy of the font file. HarfBuzz keeps pointers into the data, so it
    /// must not live in the managed heap where the GC may move it (that crashed hb_subset).
    /// Created once per font and shared: HarfBuzz faces are safe to read from several threads.
    /// </summary>
    public sealed class NativeFace : IDisposable
    {
        private readonly HarfBuzzSharp.Blob _blob;
        private readonly HarfBuzzSharp.Face _face;
        private readonly HarfBuzzSharp.Font _font;
        private readonly float _unitsPerEm;
        private IntPtr _preprocessed;
        private readonly Lock _gate = new();

        public NativeFace(byte[] font, int index)
        {
            var memory = Marshal.AllocHGlobal(font.Length);
            Marshal.Copy(font, 0, memory, font.Length);
            _blob = new HarfBuzzSharp.Blob(memory, font.Length, HarfBuzzSharp.MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(memory));
            _face = new HarfBuzzSharp.Face(_blob, index);
            _unitsPerEm = _face.UnitsPerEm;
            _font = new HarfBuzzSharp.Font(_face);
            _font.SetScale(_face.UnitsPerEm, _face.UnitsPerEm);
        }

        /// <summary>
        /// The face to subset from, prepared for repeated subsetting on first use: hb_subset otherwise rebuilds its
        /// tables of the whole font (cmap, glyph closure) on every call, about a millisecond a document, and a
        /// nation's 10,000 督办单 are 10,000 documents. The result is the same. The preparation holds some
        /// megabytes per font, so a fallback font that never draws a character is never prepared.
        /// </summary>
        public IntPtr SubsetHandle
        {
            get
            {
                lock (_gate)
                {
                    if (_preprocessed == IntPtr.Zero) _preprocessed = hb_subset_preprocess(_face.Handle);
                    return _preprocessed != IntPtr.Zero ? _preprocessed : _face.Handle;
                }
            }
        }

        /// <summary>
        /// The advance straight from the font's cmap and hmtx, in em; -1 if the font lacks the character.
        /// Read through HarfBuzz rather than Skia so that measuring never depends on Skia's glyph cache,
        /// which other threads may be purging.
        /// </summary>
        public float Advance(int codepoint) =>
            _font.TryGetGlyph(codepoint, out var glyph) && glyph != 0 ? _font.GetHorizontalGlyphAdvance(glyph) / _unitsPerEm : -1;

        public void Dispose()
        {
            if (_preprocessed != IntPtr.Zero) hb_face_destroy(_preprocessed);
            _font.Dispose();
            _face.Dispose();
            _blob.Dispose();
        }
    }

    public static byte[] Subset(NativeFace face, IEnumerable<int> codepoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("hb_subset_input_create_or_fail returned null.");
        IntPtr subset;
        try
        {
            var set = hb_subset_input_unicode_set(input);
            foreach (var cp in codepoints) hb_set_add(set, (uint)cp);
            subset = hb_subset_or_fail(face.SubsetHandle, input);
        }
        finally { hb_subset_input_destroy(input); }
        if (subset == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not subset the font.");
        var result = hb_face_reference_blob(subset);
        try
        {
            var data = hb_blob_get_data(result, out var length);
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            hb_blob_destroy(result);
            hb_face_destroy(subset);
        }
    }

    [LibraryImport(Lib)] private static partial IntPtr hb_subset_preprocess(IntPtr face);
    [LibraryImport(Lib)] private static partial IntPtr hb_subset_input_create_or_fail();
    [LibraryImport(Lib)] private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);
    [LibraryImport(Lib)] private static partial void hb_subset_input_destroy(IntPtr input);
    [LibraryImport(Lib)] private static partial void hb_set_add(IntPtr set, uint codepoint);
    [LibraryImport(Lib)] private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [LibraryImport(Lib)] private static partial IntPtr hb_face_reference_blob(IntPtr face);
    [LibraryImport(Lib)] private static partial void hb_face_destroy(IntPtr face);
    [LibraryImport(Lib)] private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [LibraryImport(Lib)] private static partial void hb_blob_destroy(IntPtr blob);
}
