using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportWorker.Forms;

/// <summary>The form's texts and layout choices, read from templates/forms/form.json so the office can edit them.</summary>
public sealed record FormLayout(
    int FormVersion,
    string SheetName,
    string InstructionsSheetName,
    string Title,
    string Info,
    string Note,
    int HeaderRow,
    IReadOnlyList<FormColumn> Columns,
    IReadOnlyDictionary<string, string> Roles,
    string StatusPrompt,
    string PercentPrompt,
    IReadOnlyList<string> Instructions)
{
    public const string MetaSheetName = "_meta";

    public int IndexOf(string key)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i].Key == key) return i + 1;
        throw new InvalidOperationException($"templates/forms/form.json has no column '{key}'.");
    }

    public static FormLayout Load(string templatesFolder)
    {
        var path = Path.Combine(templatesFolder, "forms", "form.json");
        var layout = JsonSerializer.Deserialize<FormLayout>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        string[] required = ["code", "content", "status", "percent", "progress", "problems", "next"];
        var missing = required.Where(k => layout.Columns.All(c => c.Key != k)).ToArray();
        if (missing.Length > 0) throw new InvalidDataException($"{path}: columns missing: {string.Join(", ", missing)}");
        return layout;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };
}

public sealed record FormColumn(string Key, string Header, double Width, bool ReadOnly, string Align);
