using Zhaoshang.Funding.Stats;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.UnitTests;

/// <summary>Statistics over 30 verified reports (five projects, three districts, CNY and USD, every quarter), worked out by hand.</summary>
public class FundsStatisticsTests
{
    /// <summary>The fixture's reports in the filter, added up as StatsApi's SQL does: per district, industry and quarter.</summary>
    private static FundsStatisticsReport Compute(StatsFilter filter)
    {
        bool Includes(FundsFixture.Project p) =>
            (filter.District is null || p.District == filter.District) && (filter.Industry is null || p.Industry == filter.Industry);
        var tallies = FundsFixture.Reports
            .Select(r => (Report: r, Project: FundsFixture.Projects[r.Project - 1], Day: DateOnly.Parse(r.Day)))
            .Where(r => Includes(r.Project) && (filter.Year is null || r.Day.Year == filter.Year)
                        && (filter.Quarter is null || (r.Day.Month - 1) / 3 + 1 == filter.Quarter))
            .GroupBy(r => (r.Project.District, r.Project.Industry, r.Day.Year, Quarter: (r.Day.Month - 1) / 3 + 1))
            .Select(g =>
            {
                var foreign = g.Where(r => r.Report.Source == "Abroad" && r.Report.Currency == "USD").ToList();
                return new FundsTally(g.Key.District, g.Key.Industry, g.Key.Year, g.Key.Quarter, g.Count(), g.Sum(r => r.Report.AmountCny),
                    g.Where(r => r.Report.Use == "FixedAssets").Sum(r => r.Report.AmountCny),
                    g.Where(r => r.Report.Use == "WorkingCapital").Sum(r => r.Report.AmountCny),
                    foreign.Sum(r => r.Report.Amount), foreign.Sum(r => r.Report.AmountCny));
            })
            .ToList();
        return FundsStatistics.Compute(filter, tallies, FundsFixture.Projects.Where(Includes).Sum(p => p.Contracted), Seed.SectorOf);
    }

    [Fact]
    public void The_whole_year()
    {
        var report = Compute(new StatsFilter(2026, null, null, null, null));

        Assert.Equal(29, report.Reports);
        Assert.Equal(new Amount(439_124_567.89m, 43_912.46m, 4.3912m), report.Verified);
        Assert.Equal(41_234_567.89m, report.WorkingCapital.Yuan);
        Assert.Equal(397_890_000.00m, report.FixedAssets.Yuan);
        Assert.Equal([10_700_000.00m, 326_309_567.89m, 102_115_000.00m], report.Sectors.Select(s => s.Amount.Yuan));
        Assert.Equal([0.0244m, 0.7431m, 0.2325m], report.Sectors.Select(s => s.Share));
        Assert.Equal(["2026Q1", "2026Q2", "2026Q3", "2026Q4"], report.ByQuarter.Select(q => q.Key));
        Assert.Equal([95_300_000.00m, 111_075_000.00m, 121_900_000.00m, 110_849_567.89m], report.ByQuarter.Select(q => q.Amount.Yuan));
        Assert.Equal(3_900_000.00m, report.ForeignUsd);
        Assert.Equal(27_890_000.00m, report.ForeignCny.Yuan);
        Assert.Equal(2_100_000_000m, report.Contracted.Yuan);
        Assert.Equal(0.2091m, report.ArrivalRate);
    }

    [Fact]
    public void A_quarter_a_district_and_an_industry()
    {
        var third = Compute(new StatsFilter(2026, 3, null, null, null));
        Assert.Equal(121_900_000.00m, third.Verified.Yuan);
        Assert.Equal(2_000_000m, third.ForeignUsd);

        var dali = Compute(new StatsFilter(2026, null, "大理市", null, null));
        Assert.Equal(72_815_000.00m, dali.Verified.Yuan);
        Assert.Equal(400_000_000m, dali.Contracted.Yuan);
        Assert.Equal(0.1820m, dali.ArrivalRate);
        Assert.Equal([10_700_000.00m, 0m, 62_115_000.00m], dali.Sectors.Select(s => s.Amount.Yuan));

        var allYears = Compute(new StatsFilter(null, null, null, null, "文化旅游"));
        Assert.Equal(69_115_000.00m, allYears.Verified.Yuan); // P5 with its 2025 report
        Assert.Equal(["2025Q4", "2026Q2", "2026Q3", "2026Q4"], allYears.ByQuarter.Select(q => q.Key));
    }
}
