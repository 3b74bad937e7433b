using Dapper;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Funding.Incentives;

/// <summary>
/// A terminated project's claims: each one not fully paid stops and gives its unpaid award back to the policy's budget;
/// what was paid within the policy's period is clawed back (<see cref="IncentiveRules.OnTermination"/>).
/// </summary>
internal static class Termination
{
    /// <summary>Applies the termination on <paramref name="ledger"/> to every open claim. Caller holds the ledger lock.</summary>
    public static async Task StopClaimsAsync(UnitOfWork work, LedgerFacts ledger, TimeProvider clock)
    {
        // The claims are locked before their payments are summed: a payment or approval in flight either commits first and
        // is counted here, or waits and then finds the claim stopped and the ledger terminated. In policy order, so two
        // terminations giving budget back to the same policies lock them in the same order.
        var claims = (await work.QueryAsync<OpenClaim>(
            """
            SELECT c.id, c.policy_id, c.status, c.award_cny, c.approved_at, p.clawback_years
            FROM incentive_claims c JOIN incentive_policies p ON p.id = c.policy_id
            WHERE c.project_id = @ProjectId AND c.status IN ('Raised', 'Approved')
            ORDER BY c.policy_id, c.id
            FOR UPDATE OF c
            """,
            new { ledger.ProjectId })).AsList();
        // Ledgers terminated before the day was kept have none; today is then the closest there is.
        var terminatedOn = ledger.StateOn ?? clock.TodayInChina();
        var now = clock.GetUtcNow();
        foreach (var claim in claims)
        {
            var paid = await work.QuerySingleAsync<decimal>(
                "SELECT coalesce(sum(amount_cny), 0) FROM incentive_payments WHERE claim_id = @Id", new { claim.Id });
            var approvedOn = claim.ApprovedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime.AddHours(8)) : (DateOnly?)null;
            var effect = IncentiveRules.OnTermination(claim.Status, claim.AwardCny, paid, approvedOn, terminatedOn, claim.ClawbackYears);
            if (effect.Stop)
            {
                var reason = $"项目终止（{ledger.StateReason}），停止兑现";
                await work.ExecuteAsync(
                    "UPDATE incentive_claims SET status = 'Stopped', stopped_at = @now, stop_reason = @reason WHERE id = @Id",
                    new { now, reason, claim.Id });
                await work.AuditAsync("IncentiveClaim", claim.Id, "stopped", new { claim.Status }, new { Status = ClaimStatus.Stopped, reason, paid });
            }

            if (effect.ReleasedCny > 0)
                await work.ExecuteAsync(
                    "UPDATE incentive_policies SET committed_cny = committed_cny - @ReleasedCny WHERE id = @PolicyId",
                    new { effect.ReleasedCny, claim.PolicyId });
            if (effect.ClawbackCny > 0)
                await ClawBackAsync(work, claim.Id, effect.ClawbackCny, ledger.StateReason, now);
        }
    }

    private static async Task ClawBackAsync(UnitOfWork work, Guid claimId, decimal amount, string? reason, DateTimeOffset now)
    {
        var clawback = new IncentiveClawback(Guid.CreateVersion7(), claimId, amount, $"项目终止（{reason}），期内追回已兑现奖励", now);
        var inserted = await work.ExecuteAsync(
            """
            INSERT INTO incentive_clawbacks (id, claim_id, amount_cny, reason, raised_at) VALUES (@Id, @ClaimId, @AmountCny, @Reason, @RaisedAt)
            ON CONFLICT (claim_id) DO NOTHING
            """,
            clawback);
        if (inserted == 1)
            await work.AuditAsync("IncentiveClaim", claimId, "clawback raised", null, clawback);
    }

    private sealed record OpenClaim(Guid Id, Guid PolicyId, ClaimStatus Status, decimal AwardCny, DateTimeOffset? ApprovedAt, int ClawbackYears);
}
