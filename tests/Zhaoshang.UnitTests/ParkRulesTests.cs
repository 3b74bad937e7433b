using Zhaoshang.Project.Parks;

namespace Zhaoshang.UnitTests;

public class ParkRulesTests
{
    [Fact]
    public void National_parks_have_three_leading_and_two_specialty_industries_at_most()
    {
        Assert.Empty(ParkRules.Check(ParkLevel.National, ["新能源电池", "绿色硅", "装备制造"], ["光伏", "新材料"]));
        Assert.Equal(["leadingIndustries"], ParkRules.Check(ParkLevel.National, ["a", "b", "c", "d"], []).Select(p => p.Field));
        Assert.Equal(["specialtyIndustries"], ParkRules.Check(ParkLevel.National, ["a"], ["x", "y", "z"]).Select(p => p.Field));
    }

    [Theory]
    [InlineData(ParkLevel.Provincial)]
    [InlineData(ParkLevel.Municipal)]
    public void Other_parks_have_two_and_two(ParkLevel level)
    {
        Assert.Empty(ParkRules.Check(level, ["a", "b"], ["x", "y"]));
        var problem = Assert.Single(ParkRules.Check(level, ["a", "b", "c"], []));
        Assert.Contains("两主两特", problem.Problem);
        Assert.Equal("leadingIndustries", Assert.Single(ParkRules.Check(level, [], [])).Field);
    }

    [Fact]
    public void An_industry_may_not_be_both_leading_and_specialty() =>
        Assert.Single(ParkRules.Check(ParkLevel.Provincial, ["光伏"], ["光伏"]));

    [Fact]
    public void Recommendations_rank_by_fit_and_explain_the_score()
    {
        Park P(string name, ParkLevel level, string district, string[] leading, string[] specialty) =>
            new(Guid.NewGuid(), name, level, district, leading, specialty, 1);
        var parks = new[]
        {
            P("曲靖经济技术开发区", ParkLevel.National, "麒麟区", ["新能源电池", "绿色硅", "装备制造"], ["光伏", "新材料"]),
            P("安宁工业园区", ParkLevel.Provincial, "安宁市", ["绿色化工", "新能源电池"], ["新材料", "装备制造"]),
            P("大理经济技术开发区", ParkLevel.Provincial, "大理市", ["装备制造", "生物医药"], ["高原特色农业", "文化旅游"]),
        };

        var ranked = ParkRecommendations.Rank(parks, "新能源电池", 1_200_000_000m, "安宁市");

        // A tie (70 each) is broken by name.
        Assert.Equal(["安宁工业园区", "曲靖经济技术开发区"], ranked.Select(r => r.Park.Name));
        Assert.Equal(70, ranked[0].Score); // leading 50 + same district 15 + provincial 5
        Assert.Equal(["+50 新能源电池是园区主导产业", "+15 位于意向区县安宁市", "+5 省级园区"], ranked[0].Reasons);
        Assert.Equal(70, ranked[1].Score); // leading 50 + national 10 + major project 10
        Assert.Equal(3, ranked[1].Reasons.Count);
        Assert.Equal(["安宁工业园区", "曲靖经济技术开发区"], ParkRecommendations.Rank(parks, "新材料", 50_000_000m, "安宁市").Select(r => r.Park.Name));
        Assert.Empty(ParkRecommendations.Rank(parks, "数字经济", null, null));
    }
}
