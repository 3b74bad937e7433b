namespace Zhaoshang.Funding.Incentives;

/// <summary>
/// An incentive policy (招商引资奖励政策): the milestone that earns it, the minimum verified fixed-asset investment,
/// the award (a percentage of that investment, capped), its stages, the year's budget and the clawback period.
/// </summary>
public sealed record IncentivePolicy(
    Guid Id, string Name, int Year, Milestone Milestone, decimal MinFixedAssetCny, decimal Percentage, decimal CapCny,
    decimal[] Stages, decimal BudgetCny, decimal CommittedCny, int ClawbackYears, DateTimeOffset CreatedAt)
{
    public const string Columns =
        """
        id, name, year, milestone, min_fixed_asset_cny, percentage, cap_cny, stages, budget_cny, committed_cny, clawback_years,
        created_at
        """;
}

public enum ClaimStatus
{
    Raised,
    Approved,
    Rejected,
    /// <summary>The project terminated before the award was fully paid: nothing more is paid.</summary>
    Stopped,
}

public sealed record IncentiveClaim(
    Guid Id, Guid PolicyId, Guid ProjectId, decimal BasisCny, decimal AwardCny, ClaimStatus Status, string RaisedBy,
    DateTimeOffset RaisedAt, DateTimeOffset? ApprovedAt, string? DecidedBy, DateTimeOffset? StoppedAt = null, string? StopReason = null)
{
    public const string Columns =
        "id, policy_id, project_id, basis_cny, award_cny, status, raised_by, raised_at, approved_at, decided_by, stopped_at, stop_reason";
}

public sealed record IncentivePayment(
    Guid Id, Guid ClaimId, int Stage, decimal AmountCny, string IdempotencyKey, string PaidBy, DateTimeOffset PaidAt);

public sealed record IncentiveClawback(Guid Id, Guid ClaimId, decimal AmountCny, string Reason, DateTimeOffset RaisedAt);
