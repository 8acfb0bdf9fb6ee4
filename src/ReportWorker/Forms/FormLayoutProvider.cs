using ReportWorker.Storage;

namespace ReportWorker.Forms;

/// <summary>Loads templates/forms/form.json once per process.</summary>
public sealed class FormLayoutProvider(DataPaths paths)
{
    private FormLayout? _layout;
    public FormLayout Current => _layout ??= FormLayout.Load(paths.Templates);
}
