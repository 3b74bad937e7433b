using Zhaoshang.Project.Kpis;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.UnitTests;

/// <summary>The KPIs of the 22-project fixture, against figures worked out by hand.</summary>
public class KpiCalculatorTests
{
    private static readonly IReadOnlyList<KpiProject> Projects = KpiFixture.Projects.Select(p => new KpiProject(
        Guid.Parse($"00000000-0000-0000-0000-{p.No:D12}"), $"项目{p.No}", p.District, p.FirstDistrict, null, "装备制造",
        Enum.Parse<ProjectState>(p.State), p.CreatedOn, p.StateEnteredOn, p.SignedOn, p.Company, p.LandOn, p.StartedOn)).ToList();

    private static int No(StuckProject p) => int.Parse(p.Id.ToString()[^12..]);

    [Fact]
    public void District_a_in_2026()
    {
        var report = KpiCalculator.Compute(Projects, 2026, "A", KpiFixture.Today, 90);

        Assert.Equal(14, report.Projects); // project 14 was signed in 2025, project 15 is in B now
        Assert.Equal(2, report.ByStage[ProjectState.Negotiating]);
        Assert.Equal(2, report.ByStage[ProjectState.Signed]);
        Assert.Equal(2, report.ByStage[ProjectState.Registered]);
        Assert.Equal(1, report.ByStage[ProjectState.LandAcquired]);
        Assert.Equal(3, report.ByStage[ProjectState.UnderConstruction]);
        Assert.Equal(2, report.ByStage[ProjectState.InProduction]);
        Assert.Equal(1, report.ByStage[ProjectState.Stalled]);
        Assert.Equal(1, report.ByStage[ProjectState.Terminated]);
        Assert.Equal(12, report.Signed);
        Assert.Equal(9, report.Registered);
        Assert.Equal(5, report.Started);
        Assert.Equal(0.4167m, report.StartRate);   // 5 / 12
        Assert.Equal(0.75m, report.LandingRate);   // 9 / 12
        Assert.Equal(new DaysSummary(5, 120m, 144), report.SigningToStart); // 50, 73, 120, 132, 144
        Assert.Equal(new DaysSummary(5, 0m, 10), report.LandToStart);       // 0, 0, 0, 2, 10
        Assert.Equal(3, report.StartedOnLandDay);
        Assert.Equal(1, report.FirstNegotiatedTransferredOut); // project 15
        Assert.Equal([(2, 266), (4, 205), (5, 174), (8, 174), (9, 134)], report.Stuck.Select(s => (No(s), s.Days)).OrderByDescending(s => s.Days).ThenBy(s => s.Item1));
    }

    [Fact]
    public void The_whole_city_in_2026()
    {
        var report = KpiCalculator.Compute(Projects, 2026, null, KpiFixture.Today, 90);

        Assert.Equal(21, report.Projects);
        Assert.Equal(17, report.Signed);
        Assert.Equal(13, report.Registered);
        Assert.Equal(8, report.Started);
        Assert.Equal(0.4706m, report.StartRate);   // 8 / 17
        Assert.Equal(0.7647m, report.LandingRate); // 13 / 17
        Assert.Equal(new DaysSummary(8, 108m, 153), report.SigningToStart); // 50, 61, 73, 96 | 120, 132, 144, 153
        Assert.Equal(new DaysSummary(8, 0m, 10), report.LandToStart);       // 0, 0, 0, 0 | 0, 2, 4, 10
        Assert.Equal(5, report.StartedOnLandDay);
        Assert.Equal(0, report.FirstNegotiatedTransferredOut);
        Assert.Equal(7, report.Stuck.Count); // A's five, and B's 18 (109 days) and 20 (113 days)
    }

    [Fact]
    public void Without_a_year_every_project_counts_and_a_shorter_threshold_lists_more()
    {
        var report = KpiCalculator.Compute(Projects, null, "A", KpiFixture.Today, 30);
        Assert.Equal(15, report.Projects);
        Assert.Equal(13, report.Signed);
        Assert.Equal(12, report.Stuck.Count); // every open A project entered its stage more than 30 days ago
    }
}
