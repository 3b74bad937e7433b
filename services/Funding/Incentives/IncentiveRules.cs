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

    public static Milestone? MilestoneOf(string projectState) => projectState switch
    {
        "UnderConstruction" => Milestone.ConstructionStart,
        "InProduction" => Milestone.Production,
        _ => null,
    };
}
