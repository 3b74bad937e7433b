using Zhaoshang.Funding.Money;

namespace Zhaoshang.Funding.Incentives;

public enum Milestone
{
    /// <summary>开工</summary>
    ConstructionStart,
    /// <summary>投产</summary>
    Production,
}

/// <summary>招商引资奖励 rules: the award, its stages, the budget and the clawback window.</summary>
public static class IncentiveRules
{
    /// <summary>Percentage of the verified fixed-asset investment, capped; nothing below the policy's minimum.</summary>
    public static decimal Award(decimal verifiedFixedAssets, decimal minimum, decimal percentage, decimal cap) =>
        verifiedFixedAssets < minimum ? 0m : Math.Min(MoneyRules.ToFen(verifiedFixedAssets * percentage), cap);

    /// <summary>Whether an award still fits the budget; committed + award may reach the budget but never pass it.</summary>
    public static bool FitsBudget(decimal budget, decimal committed, decimal award) => committed + award <= budget;

    /// <summary>A termination within the policy's period after approval claws back what was paid.</summary>
    public static bool InClawbackPeriod(DateOnly approvedOn, DateOnly terminatedOn, int clawbackYears) =>
        terminatedOn <= approvedOn.AddYears(clawbackYears);

    /// <summary>
    /// The milestone a transition reaches: into construction or production, never a resume from 停滞 (the project had
    /// reached that stage before), so each milestone happens once per project.
    /// </summary>
    public static Milestone? MilestoneOf(string from, string to) => (from, to) switch
    {
        ("Stalled", _) => null,
        (_, "UnderConstruction") => Milestone.ConstructionStart,
        (_, "InProduction") => Milestone.Production,
        _ => null,
    };

    /// <summary>
    /// What a termination does to one claim: a claim not fully paid stops (no further stage) and gives its unpaid award
    /// back to the budget (a raised claim committed nothing); what was paid is clawed back within the policy's period.
    /// </summary>
    public static TerminationEffect OnTermination(
        ClaimStatus status, decimal award, decimal paid, DateOnly? approvedOn, DateOnly terminatedOn, int clawbackYears) => status switch
    {
        ClaimStatus.Raised => new(true, 0m, 0m),
        ClaimStatus.Approved when approvedOn is { } on => new(
            paid < award, award - paid, paid > 0 && InClawbackPeriod(on, terminatedOn, clawbackYears) ? paid : 0m),
        _ => new(false, 0m, 0m),
    };
}

/// <summary>A termination's effect on a claim: whether it stops, the budget it releases, the amount clawed back.</summary>
public sealed record TerminationEffect(bool Stop, decimal ReleasedCny, decimal ClawbackCny);
