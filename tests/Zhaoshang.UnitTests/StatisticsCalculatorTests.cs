using System.Text.Json;
using Zhaoshang.Project.Statistics;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.UnitTests;

/// <summary>The statistics of the ten-project fixture (2030, 2031), against figures worked out by hand.</summary>
public class StatisticsCalculatorTests
{
    private static readonly Dictionary<string, (string Sector, string Chain)> Industries = new()
    {
        ["新材料"] = ("二产", "新材料"), ["数字经济"] = ("三产", "数字经济"), ["高原特色农业"] = ("一产", "未分类"),
    };

    private static readonly Dictionary<string, string> Regions = new()
    {
        ["上海"] = "长三角", ["深圳"] = "粤港澳大湾区", ["新加坡"] = "境外", ["北京"] = "京津冀",
    };

    private static readonly StatisticsDimensions Dimensions = new(
        i => i, i => Industries.TryGetValue(i, out var d) ? d.Sector : "未分类", i => Industries.TryGetValue(i, out var d) ? d.Chain : "未分类",
        p => p is not null && Regions.TryGetValue(p, out var r) ? r : "未知");

    /// <summary>
    /// What the SQL adds up (StatisticsStore), one tally per fixture project and window, written out plainly so that the
    /// figures below test the calculator's sums, rates, groups, credit and targets on the hand-computed fixture.
    /// </summary>
    private static IEnumerable<StatisticsTally> Tallies(StatisticsPeriod period, StatisticsGrouping? groupBy) =>
        StatisticsCalculator.Windows(period, groupBy).SelectMany((w, n) => StatisticsFixture.Projects.Select(p => Tally(n, w, p)));

    private static StatisticsTally Tally(int n, StatisticsWindow w, StatisticsFixture.Project p)
    {
        bool In(DateOnly? day) => day >= w.From && day <= w.To;
        bool ByEnd(DateOnly? day) => day <= w.To;
        int One(bool yes) => yes ? 1 : 0;
        var signed = In(p.SignedOn);
        var funds = StatisticsFixture.Reports.Where(f => f.Project == p.No).ToList();
        return new StatisticsTally(
            n, p.District, p.FirstDistrict, $"{p.District}园区", p.Industry, p.HqRegion, One(In(p.OpenedOn)),
            One(In(p.OpenedOn) && ByEnd(p.SignedOn)), One(signed), signed ? p.Contracted ?? 0m : 0m,
            One(signed && p.Contracted >= 100_000_000m), One(signed && p.Contracted >= 1_000_000_000m), One(signed && ByEnd(p.StartedOn)),
            One(signed && ByEnd(p.RegisteredOn)), One(signed && ByEnd(p.ProductionOn)),
            signed ? funds.Where(f => ByEnd(f.ReportedOn)).Sum(f => f.AmountCny) : 0m, One(In(p.RegisteredOn)), One(In(p.LandOn)),
            One(In(p.StartedOn)), One(In(p.ProductionOn)), One(In(p.StartedOn) && p.StartedOn == p.LandOn),
            funds.Where(f => In(f.ReportedOn)).Sum(f => f.AmountCny),
            funds.Where(f => In(f.ReportedOn) && f.Source == "Abroad").Sum(f => f.AmountUsd ?? 0m));
    }

    private static StatisticsReport Compute(
        int? quarter, StatisticsFilter? filter = null, StatisticsGrouping? groupBy = null, IReadOnlyList<StatisticsTarget>? targets = null,
        Func<StatisticsPeriod, StatisticsTallies>? read = null)
    {
        var period = StatisticsScope.PeriodOf(2031, quarter, null);
        return StatisticsCalculator.Compute(
            period, filter ?? new StatisticsFilter(null, null, null, null, null, null), groupBy, filter?.District is null,
            read?.Invoke(period) ?? new(Tallies(period, groupBy).ToList()), targets ?? [], Dimensions);
    }

    /// <summary>The tallies added up by window and <paramref name="key"/>'s groups, as the month totals hold them.</summary>
    private static List<StatisticsTally> By(IEnumerable<StatisticsTally> tallies, Func<StatisticsTally, (string District, string FirstDistrict, string Industry)> key) =>
        tallies.GroupBy(t => (t.Window, Key: key(t)))
            .Select(g => StatisticsCalculator.Sum(g) with
            {
                Window = g.Key.Window, District = g.Key.Key.District, FirstDistrict = g.Key.Key.FirstDistrict, Industry = g.Key.Key.Industry,
            })
            .ToList();

    [Fact]
    public void The_city_in_the_first_quarter()
    {
        var report = Compute(1);
        var now = report.Current;

        Assert.Equal(new StatisticsPeriod(2031, 1, null, new DateOnly(2031, 1, 1), new DateOnly(2031, 3, 31)), report.Period);
        Assert.Equal(5, now.ProjectsOpened);                               // 1, 2, 3, 6, 7
        Assert.Equal(4, now.SignedCount);                                  // 1, 2, 6, 7
        Assert.Equal(new Amount(2_050_000_000.00m, 205_000.00m, 20.5m), now.SignedAmount);
        Assert.Equal((1, 0, 0, 0, 0), (now.RegisteredCount, now.LandAcquiredCount, now.StartedCount, now.InProductionCount, now.StartedOnLandDay));
        Assert.Equal(new InvestmentBands(4, 1), now.Bands);
        Assert.Equal(new Amount(146_300_000.00m, 14_630.00m, 1.463m), now.FundsInPlace);   // reports 1, 3, 4, 5
        Assert.Equal(2_295_774.65m, now.ForeignCapitalUsd);               // USD 1,000,000 and HKD's 1,295,774.65
        Assert.Equal(new FirstTalkCredit(0, Amount.Zero), now.FirstTalkCredit);
        Assert.Equal(new StatisticsRates(0.8m, 0m, 0.25m, 0m, 0.0714m), now.Rates);   // 4/5, 0/4, 1/4, 0/4, 146.3M/2,050M

        var last = report.LastYear;
        Assert.Equal((4, 4, 870_000_000.00m), (last.ProjectsOpened, last.SignedCount, last.SignedAmount.Yuan));
        Assert.Equal((2, 2, 2, 0, 1), (last.RegisteredCount, last.LandAcquiredCount, last.StartedCount, last.InProductionCount, last.StartedOnLandDay));
        Assert.Equal(new InvestmentBands(2, 0), last.Bands);
        Assert.Equal(53_550_000.00m, last.FundsInPlace.Yuan);
        Assert.Equal(500_000.00m, last.ForeignCapitalUsd);
        Assert.Equal(new StatisticsRates(1m, 0.5m, 0.5m, 0m, 0.0616m), last.Rates);

        Assert.Equal(new YearOnYear(0m, 1.3563m, -1m, 1.7320m, 3.5915m), report.YearOnYear);
        Assert.Equal(
            [(1, "A", 2, 1_350_000_000.00m, 130_000_000.00m, 0m), (2, "B", 2, 700_000_000.00m, 16_300_000.00m, 2_295_774.65m)],
            report.DistrictRanking.Select(r => (r.Rank, r.District, r.SignedCount, r.SignedAmount.Yuan, r.FundsInPlace.Yuan, r.ForeignCapitalUsd)));
        Assert.Empty(report.Groups);
    }

    [Fact]
    public void A_district_keeps_its_first_talk_credit_and_sees_no_ranking()
    {
        var report = Compute(1, new StatisticsFilter("A", null, null, null, null, null));
        var now = report.Current;

        Assert.Equal((3, 2, 1_350_000_000.00m, 1), (now.ProjectsOpened, now.SignedCount, now.SignedAmount.Yuan, now.RegisteredCount));
        Assert.Equal(new InvestmentBands(2, 1), now.Bands);
        Assert.Equal(130_000_000.00m, now.FundsInPlace.Yuan);
        Assert.Equal(new FirstTalkCredit(1, Amount.Of(200_000_000m)), now.FirstTalkCredit);   // project 7, signed in B
        Assert.Equal(new StatisticsRates(0.6667m, 0m, 0.5m, 0m, 0.0963m), now.Rates);
        Assert.Equal(new YearOnYear(0m, 2.5526m, -1m, 12m, null), report.YearOnYear);   // last year: 2, 380M, 1 started, 10M, no foreign
        Assert.Empty(report.DistrictRanking);
    }

    [Fact]
    public void First_talk_credit_keeps_to_the_rest_of_the_filter()
    {
        // Project 7 (数字经济, chain 数字经济, from 深圳) is credited to A only where the filter would count it.
        Assert.Equal(1, Compute(1, new StatisticsFilter("A", null, null, "数字经济", null, "粤港澳大湾区")).Current.FirstTalkCredit.Count);
        Assert.Equal(0, Compute(1, new StatisticsFilter("A", null, null, "未分类", null, null)).Current.FirstTalkCredit.Count);
        Assert.Equal(0, Compute(1, new StatisticsFilter("A", null, null, null, null, "未知")).Current.FirstTalkCredit.Count);
    }

    [Fact]
    public void The_whole_year_by_sector_with_targets()
    {
        StatisticsTarget[] targets =
        [
            new(StatisticsIndicator.FundsInPlaceCny, null, 200_000_000m, 1), new(StatisticsIndicator.SignedCount, "A", 4m, 2),
            new(StatisticsIndicator.ForeignCapitalUsd, null, 5_000_000m, 1),
        ];
        var report = Compute(null, groupBy: StatisticsGrouping.Sector, targets: targets);
        var now = report.Current;

        Assert.Equal((6, 5, 2_110_000_000.00m), (now.ProjectsOpened, now.SignedCount, now.SignedAmount.Yuan));
        Assert.Equal((3, 3, 3, 1, 1), (now.RegisteredCount, now.LandAcquiredCount, now.StartedCount, now.InProductionCount, now.StartedOnLandDay));
        Assert.Equal(new Amount(159_345_678.91m, 15_934.57m, 1.5935m), now.FundsInPlace);
        Assert.Equal(2_394_366.20m, now.ForeignCapitalUsd);
        Assert.Equal(new StatisticsRates(0.8333m, 0.6m, 0.6m, 0.2m, 0.0755m), now.Rates);
        Assert.Equal(new YearOnYear(0.25m, 1.4253m, 0.5m, 1.9756m, 3.7887m), report.YearOnYear);

        Assert.Equal(
            [("一产", 1, 60_000_000.00m, 700_000.00m), ("三产", 2, 1_400_000_000.00m, 100_000_000.00m), ("二产", 2, 650_000_000.00m, 58_645_678.91m)],
            report.Groups.Select(g => (g.Key, g.Figures.SignedCount, g.Figures.SignedAmount.Yuan, g.Figures.FundsInPlace.Yuan)));
        Assert.Equal(
            [(StatisticsIndicator.FundsInPlaceCny, null, 159_345_678.91m, 0.7967m), (StatisticsIndicator.ForeignCapitalUsd, null, 2_394_366.20m, 0.4789m),
             (StatisticsIndicator.SignedCount, "A", 2m, 0.5m)],
            report.Targets.Select(t => (t.Indicator, t.District, t.Actual, t.Progress)));
    }

    /// <summary>
    /// The whole city by industry, chain or sector as StatisticsStore reads it from the month totals: all by district, as if
    /// ungrouped, and the groups apart from the period by industry alone. The same report to the last figure and place.
    /// </summary>
    [Theory]
    [InlineData(StatisticsGrouping.Industry, 1)]
    [InlineData(StatisticsGrouping.Chain, 2)]
    [InlineData(StatisticsGrouping.Sector, null)]
    public void Groups_read_apart_by_industry_give_the_same_report(StatisticsGrouping groupBy, int? quarter)
    {
        StatisticsTarget[] targets = [new(StatisticsIndicator.SignedCount, "A", 4m, 2), new(StatisticsIndicator.FundsInPlaceCny, null, 1m, 1)];
        var apart = Compute(quarter, groupBy: groupBy, targets: targets, read: period =>
        {
            var tallies = Tallies(period, groupBy).ToList();
            return new(By(tallies, t => (t.District, t.FirstDistrict, "")),
                By(StatisticsCalculator.Of(tallies, StatisticsCalculator.Current), t => ("", "", t.Industry)));
        });
        var together = Compute(quarter, groupBy: groupBy, targets: targets);

        Assert.NotEmpty(together.Groups);
        Assert.NotEmpty(together.DistrictRanking);
        Assert.Equal(JsonSerializer.Serialize(together), JsonSerializer.Serialize(apart));
    }

    [Fact]
    public void Source_region_filter_and_quarters()
    {
        var abroad = Compute(null, new StatisticsFilter(null, null, null, null, null, "境外"), StatisticsGrouping.Quarter);

        Assert.Equal((2, 1, 16_300_000.00m, 2_295_774.65m),
            (abroad.Current.ProjectsOpened, abroad.Current.SignedCount, abroad.Current.FundsInPlace.Yuan, abroad.Current.ForeignCapitalUsd));
        Assert.Equal(["2031Q1", "2031Q2", "2031Q3", "2031Q4"], abroad.Groups.Select(g => g.Key));
        Assert.Equal([1, 0, 0, 0], abroad.Groups.Select(g => g.Figures.SignedCount));
        Assert.Equal([0, 1, 0, 0], abroad.Groups.Select(g => g.Figures.StartedCount));   // project 6, 15 June
    }
}
