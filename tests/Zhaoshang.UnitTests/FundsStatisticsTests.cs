using Zhaoshang.Funding.Stats;

namespace Zhaoshang.UnitTests;

/// <summary>Statistics over 30 verified reports (five projects, three districts, CNY and USD, every quarter), worked out by hand.</summary>
public class FundsStatisticsTests
{
    private static readonly Guid P1 = Guid.NewGuid(), P2 = Guid.NewGuid(), P3 = Guid.NewGuid(), P4 = Guid.NewGuid(), P5 = Guid.NewGuid();

    private static readonly ContractedProject[] Projects =
    [
        new(P1, "安宁市", "安宁工业园区", "新能源电池", 1_000_000_000m),
        new(P2, "安宁市", "滇中新区", "数字经济", 200_000_000m),
        new(P3, "麒麟区", "曲靖经济技术开发区", "绿色硅", 500_000_000m),
        new(P4, "大理市", "大理经济技术开发区", "高原特色农业", 100_000_000m),
        new(P5, "大理市", "大理经济技术开发区", "文化旅游", 300_000_000m),
    ];

    private static VerifiedFunds R(Guid project, string day, decimal amount, string currency = "CNY", decimal rate = 1m,
        string source = "OutsideProvince", string use = "FixedAssets")
    {
        var p = Projects.Single(x => x.ProjectId == project);
        return new VerifiedFunds(project, p.District, p.Park, p.Industry, currency, amount, decimal.Round(amount * rate, 2), source, use, DateOnly.Parse(day));
    }

    // The statistics read verified reports only; rejected and unverified ones never reach them.
    private static readonly VerifiedFunds[] Reports =
    [
        R(P1, "2026-01-15", 50_000_000m), R(P1, "2026-04-15", 50_000_000m), R(P1, "2026-07-15", 50_000_000m), R(P1, "2026-10-15", 50_000_000m),
        R(P1, "2026-02-10", 1_000_000m, "USD", 7.1m, "Abroad"), R(P1, "2026-08-10", 2_000_000m, "USD", 7.2m, "Abroad"),
        R(P2, "2026-02-01", 10_000_000m, source: "OutsideCityInProvince", use: "WorkingCapital"),
        R(P2, "2026-05-01", 10_000_000m, source: "OutsideCityInProvince", use: "WorkingCapital"),
        R(P2, "2026-08-01", 10_000_000m, source: "OutsideCityInProvince", use: "WorkingCapital"),
        R(P2, "2026-11-01", 10_000_000m, source: "OutsideCityInProvince", use: "WorkingCapital"),
        R(P3, "2026-01-10", 12_500_000m), R(P3, "2026-03-10", 12_500_000m), R(P3, "2026-04-10", 12_500_000m), R(P3, "2026-06-10", 12_500_000m),
        R(P3, "2026-07-10", 12_500_000m), R(P3, "2026-09-10", 12_500_000m), R(P3, "2026-10-10", 12_500_000m), R(P3, "2026-12-10", 12_500_000m),
        R(P3, "2026-05-20", 500_000m, "USD", 7.15m, "Abroad"), R(P3, "2026-12-20", 1_234_567.89m, use: "WorkingCapital"),
        R(P4, "2026-02-20", 2_500_000m), R(P4, "2026-05-20", 2_500_000m), R(P4, "2026-08-20", 2_500_000m), R(P4, "2026-11-20", 2_500_000m),
        R(P4, "2026-03-15", 100_000m, "USD", 7.0m, "Abroad"),
        R(P5, "2026-04-05", 20_000_000m), R(P5, "2026-07-05", 20_000_000m), R(P5, "2026-10-05", 20_000_000m),
        R(P5, "2026-11-01", 300_000m, "USD", 7.05m, "Abroad"), R(P5, "2025-12-01", 7_000_000m),
    ];

    [Fact]
    public void The_whole_year()
    {
        var report = FundsStatistics.Compute(new StatsFilter(2026, null, null, null, null), Reports, Projects, (19_400_000_000m, 120_000_000m));

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
        Assert.Equal(0.0226m, report.FundsTarget!.Share);
        Assert.Equal(0.0325m, report.ForeignTarget!.Share);
    }

    [Fact]
    public void A_quarter_a_district_and_an_industry()
    {
        var third = FundsStatistics.Compute(new StatsFilter(2026, 3, null, null, null), Reports, Projects, null);
        Assert.Equal(121_900_000.00m, third.Verified.Yuan);
        Assert.Equal(2_000_000m, third.ForeignUsd);
        Assert.Null(third.FundsTarget);

        var dali = FundsStatistics.Compute(new StatsFilter(2026, null, "大理市", null, null), Reports, Projects, null);
        Assert.Equal(72_815_000.00m, dali.Verified.Yuan);
        Assert.Equal(400_000_000m, dali.Contracted.Yuan);
        Assert.Equal(0.1820m, dali.ArrivalRate);
        Assert.Equal([10_700_000.00m, 0m, 62_115_000.00m], dali.Sectors.Select(s => s.Amount.Yuan));

        var allYears = FundsStatistics.Compute(new StatsFilter(null, null, null, null, "文化旅游"), Reports, Projects, null);
        Assert.Equal(69_115_000.00m, allYears.Verified.Yuan); // P5 with its 2025 report
        Assert.Equal(["2025Q4", "2026Q2", "2026Q3", "2026Q4"], allYears.ByQuarter.Select(q => q.Key));
    }
}
