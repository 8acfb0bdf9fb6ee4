using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReportWorker.Storage;

/// <summary>
/// The data folder must exist (or be creatable) and be writable at start-up: finding out at the first
/// received form, after it was taken from the mailbox, would be too late.
/// </summary>
internal sealed class DataFolderValidator(IHostEnvironment environment) : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        var root = Path.GetFullPath(options.Root, environment.ContentRootPath);
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"数据目录 Data:Root（{root}）无法写入：{ex.Message}。请把 Data:Root 指向服务账户可写的目录，或修改该目录的所有者。");
        }
    }
}
