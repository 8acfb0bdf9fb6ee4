using ReportWorker.Text;

namespace ReportWorker.Delivery;

/// <summary>Renders templates/email/NAME.subject|html|txt.liquid for one message.</summary>
public sealed class EmailTemplates(LiquidTemplates templates)
{
    public (string Subject, string Html, string Text) Render(string name, object model) =>
        (templates.RenderFile($"email/{name}.subject.liquid", model).Trim(),
         templates.RenderFile($"email/{name}.html.liquid", model),
         templates.RenderFile($"email/{name}.txt.liquid", model).TrimStart());
}
