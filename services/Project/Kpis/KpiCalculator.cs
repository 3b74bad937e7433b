using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.Kpis;

/// <summary>What the projects of one stage add to the KPIs, as <see cref="KpiStore"/> counts them.</summary>
public sealed record KpiStage(ProjectState State, int Projects, int Signed, int Registered, int Started, int Stuck);

public sealed record DaysSummary(int Count, decimal? Median, int? Worst);

/// <summary>Signing→start and land→start days of the started projects, and how many started on their land day.</summary>
public sealed record KpiDays(DaysSummary SigningToStart, DaysSummary LandToStart, int StartedOnLandDay);

public sealed record StuckProject(Guid Id, string EnterpriseName, ProjectState State, int Days);

/// <summary>How many projects are stuck, and the longest stuck of them, longest first.</summary>
public sealed record StuckProjects(int Count, IReadOnlyList<StuckProject> Longest);

public sealed record KpiReport(
    int? Year, string? District, int Projects, IReadOnlyDictionary<ProjectState, int> ByStage, int Signed, int Registered,
    int Started, decimal? StartRate, decimal? LandingRate, DaysSummary SigningToStart, DaysSummary LandToStart,
    int StartedOnLandDay, int FirstNegotiatedTransferredOut, StuckProjects Stuck);

/// <summary>
/// The project KPIs. A project counts in the year it was signed (or, not yet signed, the year it was opened), and in
/// the district it is in now; the district that negotiated first keeps the credit of those transferred away (首谈).
/// 开工率 = started ÷ signed; 落地率 = registered ÷ signed; days are calendar days. A project neither in production nor
/// terminated is stuck once it has been in its stage more than the threshold. <see cref="KpiStore"/> counts in SQL;
/// this puts the counts together.
/// </summary>
public static class KpiCalculator
{
    public static KpiReport Compute(
        int? year, string? district, IReadOnlyList<KpiStage> stages, KpiDays days, int transferredOut, IReadOnlyList<StuckProject> longestStuck)
    {
        var signed = stages.Sum(s => s.Signed);
        var registered = stages.Sum(s => s.Registered);
        var started = stages.Sum(s => s.Started);
        return new KpiReport(
            year, district, stages.Sum(s => s.Projects),
            Enum.GetValues<ProjectState>().ToDictionary(s => s, s => stages.Where(x => x.State == s).Sum(x => x.Projects)),
            signed, registered, started, Rate(started, signed), Rate(registered, signed),
            days.SigningToStart, days.LandToStart, days.StartedOnLandDay, district is null ? 0 : transferredOut,
            new StuckProjects(stages.Sum(s => s.Stuck), longestStuck));
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4);
}
