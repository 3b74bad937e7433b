using Zhaoshang.Project.Kpis;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.UnitTests;

/// <summary>
/// Putting the KPIs together from what the query counted per stage: district A of the 22-project fixture in 2026
/// (tests/Shared/KpiFixture.cs, counted by hand); the counting itself is KpiTests' against PostgreSQL.
/// </summary>
public class KpiCalculatorTests
{
    private static readonly KpiStage[] DistrictAIn2026 =
    [
        new(ProjectState.Negotiating, 2, 0, 0, 0, 1),       // 1, 2 (266 days)
        new(ProjectState.Signed, 2, 2, 0, 0, 1),            // 3, 4 (205 days)
        new(ProjectState.Registered, 2, 2, 2, 0, 1),        // 5 (174 days), 6
        new(ProjectState.LandAcquired, 1, 1, 1, 0, 0),      // 7
        new(ProjectState.UnderConstruction, 3, 3, 3, 3, 2), // 8 (174 days), 9 (134 days), 22
        new(ProjectState.InProduction, 2, 2, 2, 2, 0),      // 10, 11
        new(ProjectState.Stalled, 1, 1, 1, 0, 0),           // 12
        new(ProjectState.Terminated, 1, 1, 0, 0, 0),        // 13
    ];

    private static readonly KpiDays Days = new(new DaysSummary(5, 120m, 144), new DaysSummary(5, 0m, 10), 3);

    [Fact]
    public void The_stages_add_up_and_the_rates_are_of_the_signed()
    {
        var report = KpiCalculator.Compute(2026, "A", DistrictAIn2026, Days, 1, []);

        Assert.Equal(14, report.Projects);
        Assert.Equal(3, report.ByStage[ProjectState.UnderConstruction]);
        Assert.Equal(12, report.Signed);
        Assert.Equal(9, report.Registered);
        Assert.Equal(5, report.Started);
        Assert.Equal(0.4167m, report.StartRate);   // 5 / 12
        Assert.Equal(0.75m, report.LandingRate);   // 9 / 12
        Assert.Equal(Days.SigningToStart, report.SigningToStart);
        Assert.Equal(3, report.StartedOnLandDay);
        Assert.Equal(1, report.FirstNegotiatedTransferredOut);
        Assert.Equal(5, report.Stuck.Count);
    }

    [Fact]
    public void Every_stage_is_reported_a_rate_without_signed_projects_is_null_and_the_city_has_no_first_negotiation_credit()
    {
        var report = KpiCalculator.Compute(null, null, [new(ProjectState.Negotiating, 4, 0, 0, 0, 2)],
            new KpiDays(new DaysSummary(0, null, null), new DaysSummary(0, null, null), 0), 3, []);

        Assert.Equal(Enum.GetValues<ProjectState>().Length, report.ByStage.Count);
        Assert.Equal(0, report.ByStage[ProjectState.Terminated]);
        Assert.Null(report.StartRate);
        Assert.Null(report.LandingRate);
        Assert.Equal(0, report.FirstNegotiatedTransferredOut);
        Assert.Equal(2, report.Stuck.Count);
    }
}
