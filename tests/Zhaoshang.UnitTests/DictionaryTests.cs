using Zhaoshang.Contracts;
using Zhaoshang.Funding.Stats;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Project.Dictionaries;

namespace Zhaoshang.UnitTests;

/// <summary>Part of the seeded dictionaries, as the rules below read them.</summary>
internal static class Seed
{
    public static readonly DictionariesChanged Snapshot = new(1,
    [
        new("EQUIPMENT", "装备制造", "二产", "先进装备制造", ["先进装备制造"], true, 1),
        new("BATTERY", "新能源电池", "二产", "新能源电池", [], true, 1),
        new("SILICON", "绿色硅", "二产", "光伏", [], true, 1),
        new("PLATEAU_AGRI", "高原特色农业", "一产", null, [], true, 1),
        new("DIGITAL", "数字经济", "三产", "数字经济", [], true, 1),
        new("TOURISM", "文化旅游", "三产", null, [], true, 1),
        new("LOGISTICS", "现代物流", "三产", null, [], true, 1),
        new("FINANCE", "金融服务", "三产", null, [], true, 1),
    ],
    [
        new("YRD", "长三角", ["上海", "江苏", "浙江", "安徽"], true, 1),
        new("ABROAD", "境外", ["新加坡", "德国"], true, 1),
    ],
    [new("530181", "安宁市", true, 1)],
    DateTimeOffset.UnixEpoch);

    public static readonly BureauDictionaries Dictionaries = BureauDictionaries.Of(Snapshot);

    public static string SectorOf(string industry) => Dictionaries.SectorOf(industry);
}

public class DictionaryTests
{
    [Theory]
    [InlineData("高原特色农业", "一产")]
    [InlineData("新能源电池", "二产")]
    [InlineData(" 先进装备制造 ", "二产")]
    [InlineData("现代物流", "三产")]
    [InlineData("金融服务", "三产")]
    [InlineData("未列明产业", "未分类")]
    public void Industries_fall_into_their_dictionary_sector_and_unknown_ones_are_unclassified(string industry, string sector) =>
        Assert.Equal(sector, Seed.SectorOf(industry));

    [Fact]
    public void An_alias_names_its_industry_and_a_place_its_source_region()
    {
        Assert.Equal("装备制造", Seed.Dictionaries.Industry("先进装备制造")!.Name);
        Assert.Null(Seed.Dictionaries.Industry("装备"));
        Assert.Equal("长三角", Seed.Dictionaries.RegionOf("江苏")!.Name);
        Assert.Equal("长三角", Seed.Dictionaries.RegionOf("长三角")!.Name);
        Assert.Equal("境外", Seed.Dictionaries.RegionOf("德国")!.Name);
        Assert.Null(Seed.Dictionaries.RegionOf("火星"));
    }

    [Fact]
    public void Only_a_newer_snapshot_replaces_the_one_held()
    {
        var dictionaries = BureauDictionaries.Of(Seed.Snapshot with { Version = 3 });
        Assert.False(dictionaries.Apply(Seed.Snapshot with { Version = 2, Industries = [] }));
        Assert.Equal("二产", dictionaries.SectorOf("新能源电池"));
        Assert.True(dictionaries.Apply(Seed.Snapshot with { Version = 4, Industries = [] }));
        Assert.Equal(BureauDictionaries.Unclassified, dictionaries.SectorOf("新能源电池"));
        Assert.Equal(4, dictionaries.Version);
    }

    [Fact]
    public void An_industry_needs_a_sector_a_good_code_and_distinct_aliases_field_by_field()
    {
        Assert.True(DictionaryRules.Validate("FOOD", new IndustryRequest("绿色食品", "二产", "绿色食品", ["高原食品"], true, 0)).IsValid);
        var errors = DictionaryRules.Validate("bad code", new IndustryRequest(" ", null, "", ["甲", "甲"], null, null)).ToProblem();
        Assert.Equal(["aliases", "chain", "code", "name", "sector", "version"],
            errors.ProblemDetails.Errors.Keys.Order());
    }

    [Fact]
    public void A_renamed_industry_keeps_its_old_name_as_an_alias_and_a_spelling_of_another_entry_is_taken()
    {
        var current = Seed.Snapshot.Industries[0];
        Assert.Equal(["先进装备制造", "装备制造"], DictionaryRules.Aliases(new IndustryRequest("高端装备制造", "二产", null, ["先进装备制造"], true, 1), current));
        Assert.Empty(DictionaryRules.Aliases(new IndustryRequest("装备制造", "二产", null, [], true, 1), current));
        var entries = Seed.Snapshot.Industries.Select(i => (i.Code, i.Aliases.Prepend(i.Name)));
        Assert.Equal(["先进装备制造"], DictionaryRules.Taken(["先进装备制造", "新兴产业"], entries, "NEW"));
        Assert.Empty(DictionaryRules.Taken(["先进装备制造"], entries, "EQUIPMENT"));
    }

    [Fact]
    public void Funds_in_an_unclassified_industry_get_a_share_of_their_own()
    {
        FundsTally Report(string industry, decimal amount) => new("安宁市", industry, 2026, 2, 1, amount, amount, 0m, 0m, 0m);
        var report = FundsStatistics.Compute(new StatsFilter(2026, null, null, null, null),
            [Report("新能源电池", 300m), Report("未列明产业", 100m)], 0m, Seed.SectorOf);
        Assert.Equal(["一产", "二产", "三产", "未分类"], report.Sectors.Select(s => s.Sector));
        Assert.Equal([0m, 300m, 0m, 100m], report.Sectors.Select(s => s.Amount.Yuan));
        Assert.Equal(0.25m, report.Sectors[3].Share);
    }
}
