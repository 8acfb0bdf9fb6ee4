using ReportWorker.Registry;

namespace ReportWorker.Samples;

/// <summary>The demo province: about 40 units named as in the seed document, with liaisons on example.gov.cn.</summary>
internal static class SampleProvince
{
    private static readonly (string Short, string Full, string Mail, string Alias)[] UnitNames =
    [
        ("省委办公厅", "中共海南省委办公厅", "swbgt", ""), ("省委组织部", "中共海南省委组织部", "swzzb", ""),
        ("省委宣传部", "中共海南省委宣传部", "swxcb", ""), ("省委统战部", "中共海南省委统战部", "swtzb", ""),
        ("省委政法委", "中共海南省委政法委员会", "swzfw", ""), ("省委网信办", "中共海南省委网络安全和信息化委员会办公室", "swwxb", ""),
        ("省委深改办", "中共海南省委全面深化改革委员会办公室", "swsgb", "省委改革办"), ("省纪委监委", "海南省纪委监委机关", "sjwjw", ""),
        ("省人大机关", "海南省人大常委会机关", "srdjg", ""), ("省政协机关", "政协海南省委员会机关", "szxjg", ""),
        ("省政府办公厅", "海南省人民政府办公厅", "szfbgt", ""), ("省发展改革委", "海南省发展和改革委员会", "sfgw", "省发改委"),
        ("省教育厅", "海南省教育厅", "sjyt", ""), ("省工业和信息化厅", "海南省工业和信息化厅", "sgxt", "省工信厅"),
        ("省营商环境建设厅", "海南省营商环境建设厅", "syst", "省营商厅"), ("省自然资源和规划厅", "海南省自然资源和规划厅", "szrzyt", "省资规厅"),
        ("省交通运输厅", "海南省交通运输厅", "sjtyst", ""), ("省卫生健康委", "海南省卫生健康委员会", "swjw", "省卫健委"),
        ("省人力资源社会保障厅", "海南省人力资源和社会保障厅", "srst", "省人社厅"), ("省审计厅", "海南省审计厅", "ssjt", ""),
        ("省市场监督管理局", "海南省市场监督管理局", "sscjgj", "省市场监管局"), ("省知识产权局", "海南省知识产权局", "szscqj", ""),
        ("省气象局", "海南省气象局", "sqxj", ""), ("省税务局", "国家税务总局海南省税务局", "ssw", ""),
        ("海口海关", "中华人民共和国海口海关", "hkhg", ""), ("省总工会", "海南省总工会", "szgh", ""),
        ("省检察院", "海南省人民检察院", "sjcy", ""), ("省高级法院", "海南省高级人民法院", "sgy", "省高院"),
        ("省公安厅", "海南省公安厅", "sgat", ""), ("省财政厅", "海南省财政厅", "sczt", ""),
        ("省商务厅", "海南省商务厅", "ssswt", ""), ("省农业农村厅", "海南省农业农村厅", "snynct", ""),
        ("省生态环境厅", "海南省生态环境厅", "ssthjt", ""), ("省住房城乡建设厅", "海南省住房和城乡建设厅", "szjt", "省住建厅"),
        ("省旅文厅", "海南省旅游和文化广电体育厅", "slwt", "省旅游文化广电体育厅"), ("省民政厅", "海南省民政厅", "smzt", ""),
        ("省司法厅", "海南省司法厅", "ssft", ""), ("省应急管理厅", "海南省应急管理厅", "syjt", ""),
        ("省统计局", "海南省统计局", "stjj", ""), ("省退役军人事务厅", "海南省退役军人事务厅", "styjrt", ""),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "吴", "林", "符", "周", "徐", "孙", "郑", "冯", "邢", "云", "蔡"];
    private static readonly string[] GivenNames = ["晓明", "海燕", "志强", "丽娟", "建华", "文静", "国平", "秀英", "俊杰", "婷婷", "伟", "敏", "磊", "静", "涛", "琳", "斌", "芳"];

    public static IReadOnlyList<Unit> Units(Random random) => UnitNames.Select((u, i) =>
    {
        var first = new Liaison(Person(random), $"{u.Mail}@example.gov.cn");
        Liaison[] liaisons = i % 4 == 1 ? [first, new Liaison(Person(random), $"{u.Mail}.dj@example.gov.cn")] : [first];
        return new Unit($"U{i + 1:D2}", u.Full, u.Short, u.Alias.Length > 0 ? [u.Alias] : [], liaisons, i + 1);
    }).ToArray();

    private static string Person(Random random) => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
}
