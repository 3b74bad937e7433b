using Dapper;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.Funding.Incentives;

/// <summary>
/// Follows the project's milestones: construction start and production raise claims under the year's policies;
/// a termination within a policy's period claws back what was paid.
/// </summary>
public sealed class ProjectStateChangedConsumer(Database database, TimeProvider clock) : InboxConsumer<ProjectStateChanged>(database)
{
    protected override async Task HandleAsync(ProjectStateChanged message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var updated = await work.ExecuteAsync(
            "UPDATE funding_ledgers SET state = @To WHERE project_id = @ProjectId", new { message.To, message.ProjectId });
        if (updated == 0)
            return; // not signed yet: no ledger, nothing to follow

        if (IncentiveRules.MilestoneOf(message.To) is { } milestone)
        {
            var policies = await work.QueryAsync<IncentivePolicy>(
                $"SELECT {IncentivePolicy.Columns} FROM incentive_policies WHERE milestone = @Milestone AND year = @Year",
                new { Milestone = milestone.ToString(), message.OccurredOn.Year });
            foreach (var policy in policies)
                await ClaimRaiser.RaiseAsync(work, policy, message.ProjectId, clock);
        }

        if (message.To == "Terminated")
            await ClawBackAsync(work, message);
    }

    private async Task ClawBackAsync(UnitOfWork work, ProjectStateChanged message)
    {
        var paid = await work.QueryAsync<PaidClaim>(
            """
            SELECT c.id AS claim_id, c.approved_at, p.clawback_years, (SELECT sum(amount_cny) FROM incentive_payments WHERE claim_id = c.id) AS paid_cny
            FROM incentive_claims c JOIN incentive_policies p ON p.id = c.policy_id
            WHERE c.project_id = @ProjectId AND c.status = 'Approved'
            """,
            new { message.ProjectId });
        foreach (var claim in paid.Where(c => c.PaidCny > 0
            && IncentiveRules.InClawbackPeriod(DateOnly.FromDateTime(c.ApprovedAt.UtcDateTime.AddHours(8)), message.OccurredOn, c.ClawbackYears)))
        {
            var clawback = new IncentiveClawback(
                Guid.CreateVersion7(), claim.ClaimId, claim.PaidCny!.Value, $"项目终止（{message.Reason}），期内追回已兑现奖励", clock.GetUtcNow());
            await work.ExecuteAsync(
                """
                INSERT INTO incentive_clawbacks (id, claim_id, amount_cny, reason, raised_at) VALUES (@Id, @ClaimId, @AmountCny, @Reason, @RaisedAt)
                ON CONFLICT (claim_id) DO NOTHING
                """,
                clawback);
            await work.AuditAsync("IncentiveClaim", claim.ClaimId, "clawback raised", null, clawback);
        }
    }

    private sealed record PaidClaim(Guid ClaimId, DateTimeOffset ApprovedAt, int ClawbackYears, decimal? PaidCny);
}

/// <summary>Up to 16 at once; three retries (0.1 s, 0.5 s, 1 s), then the <c>_error</c> queue.</summary>
public sealed class ProjectStateChangedConsumerDefinition() : InboxConsumerDefinition<ProjectStateChangedConsumer>(16, [100, 500, 1000]);
