using ReportWorker.Registry;

namespace ReportWorker.Samples;

/// <summary>298 tasks across the six categories, with lead and co-units and deadlines through the year.</summary>
internal static class SampleTasks
{
    private static readonly (string Letter, int Count, string[] Actions, string[] Objects)[] Categories =
    [
        ("A", 60,
            ["严格落实", "深入推进", "持续深化", "健全完善", "认真组织", "扎实开展"],
            ["“第一议题”制度，及时跟进学习习近平总书记重要讲话和重要指示批示精神", "党组（党委）理论学习中心组学习，全年专题研讨不少于6次", "机关党建主体责任清单，层层压实管党治党责任",
             "意识形态工作责任制，每半年报送干部职工思想状况分析报告", "“四学联动”机制，推动理论学习向实践运用转化", "“模范机关”创建活动，打造政治机关建设示范点",
             "党组（党委）书记抓机关党建述职评议考核", "民主集中制和重大事项请示报告制度执行情况自查", "政治监督“双清单”，强化机关纪委政治监督功能", "新时代文明实践活动，推动党的创新理论进机关"]),
        ("B", 40,
            ["围绕封关运作", "聚焦封关运作", "服务封关运作", "结合封关运作"],
            ["组建党员突击队，开展关键岗位攻坚行动", "设立党员先锋岗，保障“一线放开、二线管住”平稳运行", "开展封关政策宣讲进基层活动，覆盖所有基层党组织",
             "建立党建引领风险防控工作机制，排查整改风险隐患", "组织党员干部参加封关业务能力培训，全年不少于2期", "推动“党建+口岸通关”融合，提升通关便利化水平",
             "开展封关运作压力测试中的党员先锋行动", "建立跨部门联合党建协作机制，推动问题协同解决"]),
        ("C", 60,
            ["推动", "深化", "组织实施", "持续开展", "健全"],
            ["“党建+项目”工作法，推动重点项目按期建成投产", "营商环境“揭榜挂帅”攻坚行动，形成一批可复制经验", "机关党员干部“下基层、解难题”专项行动",
             "“一单位一品牌”党建品牌创建，培育精品项目", "党建与业务深度融合试点，总结推广典型案例", "为企业办实事清单，全年解决企业诉求不少于20件",
             "数字政府建设中的党员攻坚行动，推动政务服务“一网通办”", "绩效考核与党建考核结果互通互用机制", "重点产业链“链长制”党建联建，服务产业发展"]),
        ("D", 40,
            ["推进", "深化", "拓展", "组织开展"],
            ["涉外党建工作交流，讲好自贸港党建故事", "“党建+国际化”人才培养，选派骨干参加外语和国际规则培训", "对外开放领域廉洁风险防控，完善制度机制",
             "与“一带一路”合作伙伴机构的交流活动中的党建引领", "服务外资企业党员先锋队建设，全年走访外资企业不少于10家", "自贸港政策集成创新中的党员攻关行动",
             "国际投资“单一窗口”建设党员攻坚"]),
        ("E", 50,
            ["扎实开展", "持续推进", "深入实施", "组织开展"],
            ["“我为群众办实事”实践活动，建立民生项目清单", "机关党员到社区报到服务，每名党员全年服务不少于4次", "帮扶乡村振兴定点村工作，落实驻村第一书记保障",
             "“12345”热线诉求办理中的党员责任岗", "群众身边不正之风和腐败问题集中整治", "困难党员和老党员走访慰问，建立台账动态管理",
             "机关志愿服务品牌建设，打造“红色志愿”服务队", "基层减负专项行动，精简会议文件和督查检查考核"]),
        ("F", 48,
            ["健全", "深化", "推进", "完善"],
            ["党建引领基层治理机制，推动机关党组织与社区党组织结对共建", "矛盾纠纷多元化解工作中的党员调解员队伍", "安全生产和应急处置党员先锋队建设",
             "网格化管理中的党员包片联户制度", "平安海南建设中的机关党员志愿巡防活动", "机关保密和网络安全责任制落实，开展专项检查",
             "法治机关建设，组织党员干部旁听庭审和学法考试", "信访工作领导接访和包案化解制度"]),
    ];

    private static readonly string[] StandingTexts = ["长期坚持", "常态化", "长期坚持", "持续推进"];

    public static IReadOnlyList<(TaskItem Task, object Deadline)> Create(IReadOnlyList<Unit> units, Random random)
    {
        var tasks = new List<(TaskItem, object)>();
        var leadCycle = units.Select(u => u.Code).ToList();
        var leadIndex = 0;
        foreach (var (letter, count, actions, objects) in Categories)
            for (var n = 1; n <= count; n++)
            {
                var content = $"{actions[random.Next(actions.Length)]}{objects[(n - 1) % objects.Length]}";
                if (n > objects.Length) content += n % 3 == 0 ? "，形成工作台账并按季度报送进展" : n % 3 == 1 ? "，年底前形成总结报告" : "";
                // Every unit leads a share of tasks; a few lead many, as in real lists.
                var lead = random.NextDouble() < 0.8 ? leadCycle[leadIndex++ % leadCycle.Count] : leadCycle[random.Next(Math.Min(8, leadCycle.Count))];
                var coCount = random.NextDouble() < 0.55 ? 0 : random.Next(1, 4);
                var co = Enumerable.Range(0, coCount).Select(_ => leadCycle[random.Next(leadCycle.Count)]).Where(c => c != lead).Distinct().ToArray();
                var (deadline, written) = Deadline(random, n);
                tasks.Add((new TaskItem($"{letter}-{n:D3}", letter, content, lead, co, deadline,
                    written as string ?? deadline?.ToString("yyyy-MM-dd") ?? "", deadline is null ? TaskItem.Routine : TaskItem.AnnualKey, tasks.Count + 1) { Id = tasks.Count + 1, Year = 2025 }, written));
            }
        return tasks;
    }

    private static (DateOnly? Date, object Written) Deadline(Random random, int n)
    {
        if (random.NextDouble() < 0.35) return (null, StandingTexts[n % StandingTexts.Length]);
        var month = random.Next(1, 13);
        var date = new DateOnly(2025, month, 1).AddMonths(1).AddDays(-1);
        return (random.Next(6)) switch
        {
            0 => (date, $"2025年{month}月底"),
            1 => (date, date.ToString("yyyy-MM-dd")),
            2 => (date, $"2025年{month}月{date.Day}日"),
            3 => (date, date),                       // a real Excel date cell
            4 => (date, $"{date:yyyy/M/d}"),
            _ => month == 6 ? (date, "上半年") : month == 12 ? (date, "年底") : (date, $"2025年{month}月"),
        };
    }
}
