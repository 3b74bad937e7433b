using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Incentives;

/// <summary>
/// Claims raised automatically. A milestone (开工, 投产) is kept once per project with its day, which picks the policy
/// year; it raises a claim under each of that year's policies for the milestone as soon as the project qualifies: when
/// the milestone arrives, or when a later verification brings the funds (a milestone that came before the ledger found
/// no funds yet). A claim raised for a terminated project is stopped at once, as the termination stops it in order.
/// </summary>
internal static class MilestoneClaims
{
    /// <summary>Records the milestone, if it is the project's first of its kind, and raises what is due. Caller holds the ledger lock.</summary>
    public static async Task RecordAsync(UnitOfWork work, LedgerFacts ledger, Milestone milestone, DateOnly occurredOn, TimeProvider clock)
    {
        var recorded = await work.ExecuteAsync(
            """
            INSERT INTO ledger_milestones (project_id, milestone, occurred_on) VALUES (@ProjectId, @Milestone, @occurredOn)
            ON CONFLICT (project_id, milestone) DO NOTHING
            """,
            new { ledger.ProjectId, Milestone = milestone.ToString(), occurredOn });
        if (recorded == 1)
            await work.AuditAsync("FundingLedger", ledger.Id, "milestone reached", null, new { Milestone = milestone.ToString(), occurredOn });
        await RaiseDueAsync(work, ledger, clock);
    }

    /// <summary>Raises the claims the project's milestones earn and it has not got yet. Caller holds the ledger lock.</summary>
    public static async Task RaiseDueAsync(UnitOfWork work, LedgerFacts ledger, TimeProvider clock)
    {
        var policies = await work.QueryAsync<IncentivePolicy>(
            $"""
            SELECT {IncentivePolicy.Columns} FROM incentive_policies p
            WHERE EXISTS (SELECT 1 FROM ledger_milestones m
                          WHERE m.project_id = @ProjectId AND m.milestone = p.milestone AND extract(year FROM m.occurred_on) = p.year)
              AND NOT EXISTS (SELECT 1 FROM incentive_claims c WHERE c.project_id = @ProjectId AND c.policy_id = p.id)
            ORDER BY p.created_at, p.id
            """,
            new { ledger.ProjectId });
        var raised = 0;
        foreach (var policy in policies)
            if (await ClaimRaiser.RaiseAsync(work, policy, ledger.ProjectId, Actor.System.Subject, clock) is not null)
                raised++;
        if (raised > 0 && ledger.Terminated)
            await Termination.StopClaimsAsync(work, ledger, clock);
    }
}
