using Dapper;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Funding.Incentives;

/// <summary>Raises a project's claim under a policy, at most once, sized by its verified fixed-asset investment.</summary>
internal static class ClaimRaiser
{
    /// <summary>The new claim; null when the project already has one under the policy or does not qualify.</summary>
    public static async Task<IncentiveClaim?> RaiseAsync(UnitOfWork work, IncentivePolicy policy, Guid projectId, string raisedBy, TimeProvider clock)
    {
        var basis = await work.QuerySingleAsync<decimal>(
            """
            SELECT coalesce(sum(amount_cny), 0) FROM funds_reports
            WHERE project_id = @projectId AND status = 'Verified' AND use = 'FixedAssets'
            """,
            new { projectId });
        var award = IncentiveRules.Award(basis, policy.MinFixedAssetCny, policy.Percentage, policy.CapCny);
        if (award == 0)
            return null;
        var claim = new IncentiveClaim(
            Guid.CreateVersion7(), policy.Id, projectId, basis, award, ClaimStatus.Raised, raisedBy, clock.GetUtcNow(), null, null);
        var inserted = await work.ExecuteAsync(
            """
            INSERT INTO incentive_claims (id, policy_id, project_id, basis_cny, award_cny, status, raised_by, raised_at)
            VALUES (@Id, @PolicyId, @ProjectId, @BasisCny, @AwardCny, 'Raised', @RaisedBy, @RaisedAt)
            ON CONFLICT (policy_id, project_id) DO NOTHING
            """,
            claim);
        if (inserted == 0)
            return null;
        await work.AuditAsync("IncentiveClaim", claim.Id, "raised", null, claim);
        return claim;
    }
}
