using ReportWorker.Registry;

namespace ReportWorker.Tests.Registry;

public sealed class UnitResolverTests
{
    private static readonly UnitResolver Resolver = new(
    [
        new Unit("U01", "中共海南省委办公厅", "省委办公厅", ["省委办"], [new Liaison("王晓明", "swbgt@example.gov.cn")]),
        new Unit("U02", "海南省审计厅", "省审计厅", [], [new Liaison("李海燕", "ssjt@example.gov.cn")]),
        new Unit("HK-03", "中华人民共和国海口海关", "海口海关", ["海关"], [new Liaison("陈静", "hkhg@example.gov.cn")]),
    ]);

    [Theory]
    [InlineData("U01", "U01")]
    [InlineData("u01", "U01")]
    [InlineData("Ｕ０１", "U01")]
    [InlineData("中共海南省委办公厅", "U01")]
    [InlineData("省委办公厅", "U01")]
    [InlineData("省委办", "U01")]
    [InlineData(" 省 审计厅 ", "U02")]
    [InlineData("海南省审计厅", "U02")]
    [InlineData("hk－03", "HK-03")]
    [InlineData("海关", "HK-03")]
    public void Resolves_a_unit_by_code_full_name_short_name_or_alias(string name, string expected) =>
        Assert.Equal(expected, Resolver.Resolve(name));

    [Theory]
    [InlineData("省财政厅")]
    [InlineData("审计厅")]
    [InlineData("")]
    [InlineData(null)]
    public void Resolves_nothing_for_a_name_it_does_not_know(string? name) =>
        Assert.Null(Resolver.Resolve(name));
}

public sealed class UnitResolverAmbiguityTests
{
    [Fact]
    public void A_name_that_fits_two_units_resolves_to_neither_and_names_both()
    {
        var resolver = new ReportWorker.Registry.UnitResolver(
        [
            new("U01", "海南省审计厅", "省审计厅", ["审计"], []),
            new("U02", "海南省内部审计协会", "省审计协会", ["审计"], []),
        ]);

        Assert.Null(resolver.Resolve("审计"));
        Assert.Equal(["U01", "U02"], resolver.Candidates("审计"));
        Assert.Equal("U02", resolver.Resolve("省审计协会"));
    }
}
