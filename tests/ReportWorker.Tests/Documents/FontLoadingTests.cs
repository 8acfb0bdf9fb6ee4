using ReportWorker.Documents.Fonts;
using ReportWorker.Documents.Samples;

namespace ReportWorker.Tests.Documents;

public sealed class FontLoadingTests
{
    [Fact]
    public void Configurations_naming_the_same_faces_are_equal_however_they_were_built()
    {
        var bundled = FontConfiguration.Default;
        var rebuilt = new FontConfiguration(bundled.Roles.ToDictionary(), [.. bundled.Fallbacks]);
        var spelledOtherwise = new FontConfiguration(
            bundled.Roles.ToDictionary(r => r.Key, r => Path.GetRelativePath(Environment.CurrentDirectory, r.Value) + "#0"),
            [.. bundled.Fallbacks]);
        var reordered = bundled with { Fallbacks = [.. bundled.Fallbacks.Reverse()] };

        Assert.Equal(bundled, rebuilt);
        Assert.Equal(bundled.GetHashCode(), rebuilt.GetHashCode());
        Assert.Equal(bundled, spelledOtherwise);
        Assert.NotEqual(bundled, reordered);
        Assert.Same(FontSet.For(bundled), FontSet.For(rebuilt));
        Assert.Same(FontSet.Default, FontSet.For(spelledOtherwise));
    }

    [Fact]
    public void Each_font_file_is_read_once_however_many_documents_render_in_parallel()
    {
        using var fonts = new FontCopies();
        var loads = 0;
        void Count(FontFace face) { if (face.Path.StartsWith(fonts.Folder, StringComparison.Ordinal)) Interlocked.Increment(ref loads); }
        var before = FontFace.LoadCount;
        FontFace.Loaded += Count;
        try
        {
            // A new configuration for every document, as a caller that builds one from its settings each time does.
            Parallel.For(0, 8, _ => SampleDocument.Create(tableRows: 5, fonts: FontSet.For(FontConfiguration.FromFolder(fonts.Folder))).Render());
        }
        finally { FontFace.Loaded -= Count; }

        Assert.Equal(4, loads); // NotoSerifSC-Black, NotoSerifSC-Regular, NotoSansSC-Regular, WenKaiGB2312-Regular
        Assert.True(FontFace.LoadCount - before >= 3);
    }
}

/// <summary>The bundled fonts copied to a folder of their own: paths no other test has loaded yet.</summary>
public sealed class FontCopies : IDisposable
{
    public FontCopies()
    {
        Folder = Directory.CreateTempSubdirectory("rw-fonts-").FullName;
        foreach (var file in FontConfiguration.Default.Roles.Values.Distinct())
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
    }

    public string Folder { get; }
    public string this[string name] => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
