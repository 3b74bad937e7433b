using Zhaoshang.DemoData;

namespace Zhaoshang.UnitTests;

/// <summary>deploy/local/demo-data.json: its days counted from the load day, and one consistent Kunming across the lifecycle.</summary>
public class DemoDataTests
{
    private static readonly SeedData Data = SeedData.Load(Repository.File("deploy", "local", "demo-data.json"));

    /// <summary>Kunming's parks as the project service's parks table has them (0003_lifecycle_and_parks.sql), by district.</summary>
    private static readonly Dictionary<string, string> KunmingParks = new()
    {
        ["昆明经济技术开发区"] = "官渡区", ["昆明高新技术产业开发区"] = "五华区", ["安宁工业园区"] = "安宁市", ["滇中新区"] = "安宁市",
    };

    private static readonly string[] KunmingDistricts =
        ["五华区", "盘龙区", "官渡区", "西山区", "东川区", "呈贡区", "晋宁区", "安宁市", "富民县", "宜良县", "石林县", "嵩明县", "禄劝县", "寻甸县"];

    private static readonly string[] Industries =
    [
        "装备制造", "新材料", "绿色铝", "绿色硅", "光伏", "新能源电池", "电子信息", "生物医药", "绿色食品", "高原特色农业", "数字经济", "文化旅游",
        "现代物流", "金融服务", "健康养老", "现代商贸",
    ];

    [Fact]
    public void Offsets_count_calendar_days_back_from_the_load_day_in_China()
    {
        // 17:30 UTC on New Year's Eve is already New Year's Day in Kunming.
        var days = DemoDays.LoadedAt(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), days.Today);
        Assert.Equal(new DateOnly(2026, 7, 5), days.On(-180));
        Assert.Equal(new DateOnly(2025, 1, 1), days.On(-730));
        Assert.Equal(new DateTimeOffset(2026, 12, 30, 2, 0, 0, TimeSpan.Zero), days.MorningOf(-2));
    }

    [Fact]
    public void The_data_has_no_inconsistency()
    {
        Assert.Empty(Data.Problems());
    }

    [Fact]
    public void Inconsistent_data_is_named_before_anything_is_sent()
    {
        var signed = Data.Projects.First(i => i.Project!.Funds.Count > 0);
        var project = signed.Project!;
        var broken = Data with
        {
            Intents =
            [
                signed with { Project = project with { Funds = [project.Funds[0] with { ReportedOn = project.Sign!.SignedOn - 1 }] } },
                signed with { Key = "late", Outcome = IntentOutcome.Qualified, Project = null, ReceivedOn = 3 },
            ],
        };

        Assert.Equal(
            [$"intent {signed.Key}: funds reported before signing or in the future", "intent late: received in the future",
                "intent late: follow-ups out of order, before the intent came or in the future"],
            broken.Problems());
    }

    [Fact]
    public void Only_Kunming_and_only_the_dictionary_industries()
    {
        Assert.All(Data.Intents, intent => Assert.Contains(intent.District, KunmingDistricts));
        Assert.All(Data.Intents, intent => Assert.Contains(intent.Industry, Industries));
        Assert.All(Data.Enterprises, enterprise => Assert.Contains(enterprise.IndustryChain, Industries));
        foreach (var intent in Data.Projects.Where(i => i.Project!.Sign is not null))
        {
            var project = intent.Project!;
            Assert.Equal(KunmingParks[project.Sign!.Park], project.Transfer?.ToDistrict ?? intent.District);
        }
    }

    [Fact]
    public void The_whole_lifecycle_in_chart_sized_volume()
    {
        Assert.InRange(Data.Intents.Count, 40, 60);
        Assert.InRange(Data.Projects.Count(), 25, 35);
        var projects = Data.Projects.Select(i => i.Project!).ToList();
        Assert.All(Enum.GetValues<ProjectStage>(), stage => Assert.Contains(projects, p => p.Reach == stage));
        Assert.All(Enum.GetValues<IntentOutcome>(), outcome => Assert.Contains(Data.Intents, i => i.Outcome == outcome));
        Assert.All(Enum.GetValues<IncentiveStep>(), step => Assert.Contains(projects, p => p.Incentive == step));
        Assert.Single(projects, p => p.Stall is not null);
        Assert.Single(projects, p => p.Transfer is not null);
        Assert.Contains(projects, p => p.Funds.Any(f => f.Verify && f.Currency == "USD"));
        Assert.Contains(projects, p => p.Funds.Any(f => !f.Verify));
        Assert.True(projects.Select(p => p.Sign?.Park).Distinct().Count(park => park is not null) >= 4);
        Assert.True(Data.Intents.Select(i => i.District).Distinct().Count() >= 6);
    }

    [Fact]
    public void Whatever_day_it_is_loaded_this_year_and_last_year_both_have_signings()
    {
        for (var today = new DateOnly(2027, 1, 1); today.Year == 2027; today = today.AddDays(1))
        {
            var days = new DemoDays(today);
            var years = Data.Projects.Where(i => i.Project!.Sign is not null).Select(i => days.On(i.Project!.Sign!.SignedOn).Year).ToHashSet();
            Assert.True(years.Contains(2027) && years.Contains(2026), $"loaded on {today}: signings only in {string.Join(", ", years)}");
        }
    }
}
