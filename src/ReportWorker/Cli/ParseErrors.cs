using System.CommandLine;
using System.CommandLine.Parsing;
using ReportWorker.Hosting;

namespace ReportWorker.Cli;

/// <summary>
/// Parser errors said in Chinese, one line each, from what the parser found rather than from its
/// messages: System.CommandLine's zh-Hans resources leave "Option '--month' is required." in English.
/// A mistyped command or option is answered with the one meant, as settings typos are.
/// </summary>
internal static class ParseErrors
{
    public static int Report(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var lines = new List<string>();
        foreach (var token in parse.UnmatchedTokens)
            lines.Add($"无法识别“{token}”{(NearestName.Hint(token, Candidates(command)) is { Length: > 0 } hint ? hint : "。")}");
        foreach (var e in parse.Errors)
        {
            switch (e.SymbolResult)
            {
                case OptionResult { Option: var option } result when result.Tokens.Count == 0 && result.IdentifierToken is null && option.Required:
                    lines.Add($"缺少必填选项 {option.Name}{Described(option.Description)}。");
                    break;
                case OptionResult { Option: var option } result when result.Tokens.Count == 0:
                    lines.Add($"选项 {option.Name} 后面缺少值{Described(option.Description)}。");
                    break;
                case OptionResult { Option: var option } result:
                    lines.Add($"选项 {option.Name} 的值“{Given(result)}”不对{Expected(option.ValueType)}。");
                    break;
                case ArgumentResult { Argument: var argument } result when result.Tokens.Count == 0:
                    lines.Add($"缺少参数 <{argument.Name}>{Described(argument.Description)}。");
                    break;
                case ArgumentResult { Argument: var argument } result:
                    lines.Add($"参数 <{argument.Name}> 的值“{Given(result)}”不对{Expected(argument.ValueType)}。");
                    break;
                case CommandResult when parse.UnmatchedTokens.Count > 0:
                    break; // the tokens not understood, said above with the nearest name, are the whole story
                case CommandResult { Command: var c } when c.Subcommands.Count > 0 && c.Action is null:
                    lines.Add($"请指定要运行的命令：{string.Join("、", c.Subcommands.Select(s => s.Name))}。");
                    break;
                default:
                    lines.Add(e.Message.TrimEnd('.', '。') + "。");
                    break;
            }
        }
        foreach (var line in lines.Distinct()) error.WriteLine($"错误：{line}");
        error.WriteLine($"用法见：{path} --help");
        // A monitor calling `health` with a mistyped option must see a failure, not 注意 (1).
        return command.Name == "health" ? 2 : 1;
    }

    /// <summary>The help System.CommandLine prints, with the headings its zh-Hans resources leave in English.</summary>
    public static string Translate(string help) => help
        .Replace("Description:", "说明：", StringComparison.Ordinal)
        .Replace("Show help and usage information", "显示帮助和用法", StringComparison.Ordinal)
        .Replace("(REQUIRED)", "（必填）  ", StringComparison.Ordinal) // two columns narrower than the ten it replaces
        .Replace("[options]", "[选项]", StringComparison.Ordinal)
        .Replace("[command]", "[命令]", StringComparison.Ordinal)
        .Replace("Arguments:", "参数：", StringComparison.Ordinal);

    private static IEnumerable<string> Candidates(Command command) =>
        command.Subcommands.Select(c => c.Name).Concat(command.Options.SelectMany(o => o.Aliases.Append(o.Name)));

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent) names.Insert(0, c.Command is RootCommand ? CommandName.Value : c.Command.Name);
        return string.Join(' ', names);
    }

    private static string Given(SymbolResult result) => string.Join(" ", result.Tokens.Select(t => t.Value));

    private static string Described(string? description) => string.IsNullOrEmpty(description) ? "" : $"（{description}）";

    private static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) ? "，应为整数"
            : t == typeof(decimal) || t == typeof(double) ? "，应为数字"
            : t.IsEnum ? $"，可选：{string.Join("、", Enum.GetNames(t))}"
            : "";
    }
}
