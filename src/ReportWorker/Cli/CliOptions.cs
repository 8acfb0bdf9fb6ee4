using System.CommandLine;
using ReportWorker.Ledger;
using ReportWorker.Periods;

namespace ReportWorker.Cli;

internal static class CliOptions
{
    public static Option<string> Month(bool required = true) => new("--month") { Description = "报告月份，格式 YYYY-MM，例如 2025-03", Required = required };

    public static ReportMonth ParseMonth(string? text) =>
        ReportMonth.TryParse(text, out var month) ? month : throw new CommandException($"月份“{text}”格式不对，应为 YYYY-MM，例如 2025-03。");
}
