using System.Text.Json;

namespace ReportWorker.Assessment;

/// <summary>A 考核细则 that cannot be used as written; every problem is one line naming the file and line.</summary>
public sealed class AssessmentSchemeException(IReadOnlyList<string> problems)
    : Exception("考核细则有误，未进行考核：" + string.Join("；", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads a year's 考核细则 from <c>assessment/YYYY.json</c> in the templates folder and checks it whole:
/// weights that add up to 100, each indicator's own rules, grades from best to worst ending at 0, vetoes
/// that name a grade, a top-grade share, and a tie-break that ends in the registry order (so no two units
/// ever tie). A mistake stops the assessment with its line, before anything is computed.
/// </summary>
public static class AssessmentSchemeFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] Levels = ["蓝", "黄", "红"];

    public static string PathFor(string templatesFolder, int year) => Path.Combine(templatesFolder, "assessment", $"{year}.json");

    public static AssessmentScheme Load(string templatesFolder, int year)
    {
        var path = PathFor(templatesFolder, year);
        var name = Path.Combine("assessment", Path.GetFileName(path));
        if (!File.Exists(path))
            throw new AssessmentSchemeException([$"找不到 {year} 年度的考核细则 {path}。请把上一年度的细则复制为 {year}.json，按本年度的考核办法修改后再运行。"]);
        var text = File.ReadAllText(path);
        AssessmentScheme scheme;
        try
        {
            scheme = JsonSerializer.Deserialize<AssessmentScheme>(text, Json) ?? throw new JsonException("文件为空。");
        }
        catch (JsonException ex)
        {
            throw new AssessmentSchemeException([$"{name} 第{(ex.LineNumber ?? 0) + 1}行：格式错误（{ex.Message.Split(". Path")[0]}）。请检查逗号、引号和括号，指标类型只能是 completion、reporting、supervision、overdueAtYearEnd。"]);
        }
        var problems = Check(scheme, year).Select(p => $"{name} 第{LineOf(text, p.Near)}行：{p.Problem}").ToArray();
        if (problems.Length > 0) throw new AssessmentSchemeException(problems);
        return scheme;
    }

    private static IEnumerable<(string Near, string Problem)> Check(AssessmentScheme s, int year)
    {
        if (s.Year != year) yield return ("\"year\"", $"year 写的是 {s.Year}，而文件是 {year} 年度的细则。");
        if (s.Indicators.Count == 0) { yield return ("\"indicators\"", "没有任何考核指标（indicators）。"); yield break; }
        foreach (var dup in s.Indicators.GroupBy(i => i.Key).Where(g => g.Count() > 1)) yield return ($"\"{dup.Key}\"", $"指标代码 {dup.Key} 重复。");
        var total = s.Indicators.Sum(i => i.Points);
        if (Math.Abs(total - 100) > 0.001) yield return ("\"indicators\"", $"各指标分值合计 {total:0.##} 分，应为 100 分。");
        foreach (var i in s.Indicators)
        {
            var near = $"\"{i.Key}\"";
            if (i.Key.Length == 0 || i.Name.Length == 0) yield return ("\"indicators\"", "每个指标都要有 key（代码）和 name（名称）。");
            if (i.Points <= 0) yield return (near, $"指标“{i.Name}”的分值（points）应大于 0。");
            switch (i.Kind)
            {
                case IndicatorKind.Reporting when i.PerLate < 0 || i.PerMissing < 0 || i.PerLate + i.PerMissing == 0:
                    yield return (near, $"指标“{i.Name}”要写每月逾期报送扣几分（perLate）和未报送扣几分（perMissing），不能为负数。"); break;
                case IndicatorKind.Supervision when !Levels.All(l => i.PerItem.TryGetValue(l, out var p) && p >= 0) || i.PerItem.Keys.Any(k => !Levels.Contains(k)):
                    yield return (near, $"指标“{i.Name}”要为蓝、黄、红三个督办等级各写每项扣几分（perItem，例如 {{\"蓝\": 1, \"黄\": 2, \"红\": 4}}）。"); break;
                case IndicatorKind.OverdueAtYearEnd when i.PerTask <= 0:
                    yield return (near, $"指标“{i.Name}”要写每项年底逾期任务扣几分（perTask）。"); break;
            }
        }
        if (s.Office.BonusCap < 0 || s.Office.DeductionCap < 0) yield return ("\"office\"", "加分上限（bonusCap）和扣分上限（deductionCap）不能为负数。");
        if (s.Grades.Count < 2) { yield return ("\"grades\"", "至少要有两个等次（grades），从好到差排列。"); yield break; }
        for (var n = 1; n < s.Grades.Count; n++)
            if (s.Grades[n].Min >= s.Grades[n - 1].Min) yield return ($"\"{s.Grades[n].Name}\"", $"等次要从好到差排列，“{s.Grades[n].Name}”的最低分应低于“{s.Grades[n - 1].Name}”。");
        if (s.Grades[^1].Min != 0) yield return ($"\"{s.Grades[^1].Name}\"", $"最后一个等次“{s.Grades[^1].Name}”的最低分应为 0，否则低分单位没有等次。");
        foreach (var (kind, cap) in s.Vetoes)
            if (s.Grades.All(g => g.Name != cap)) yield return ($"\"{kind}\"", $"否决事项“{kind}”的等次上限“{cap}”不是细则中的等次（{string.Join("、", s.Grades.Select(g => g.Name))}）。");
        if (s.TopGradeShare is <= 0 or > 1) yield return ("\"topGradeShare\"", $"“{s.Grades[0].Name}”等次比例（topGradeShare）应在 0 到 1 之间，例如 0.3 表示不超过 30%。");
        if (s.TieBreak.Count == 0 || s.TieBreak[^1] != TieBreak.RegistryOrder)
            yield return ("\"tieBreak\"", "同分排序规则（tieBreak）要以 registryOrder（单位名录顺序）结尾，保证排名唯一。");
    }

    // The first line holding the token; the top of the file when it is not there (a missing field).
    private static int LineOf(string text, string token)
    {
        var at = text.IndexOf(token, StringComparison.Ordinal);
        return at < 0 ? 1 : text.AsSpan(0, at).Count('\n') + 1;
    }
}
