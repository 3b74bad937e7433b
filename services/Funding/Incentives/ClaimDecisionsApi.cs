using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zhaoshang.Funding.Money;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Incentives;

/// <summary>
/// Finance's decisions on a claim: approve against the budget, reject, pay the next stage. Each locks the claim first and
/// refuses a terminated project's claim (409), so a decision racing a termination either lands before it (and the
/// termination stops, releases or claws it back) or is refused.
/// </summary>
public static class ClaimDecisionsApi
{
    internal static async Task<Results<Ok<IncentiveClaim>, ProblemHttpResult>> ApproveAsync(
        Guid id, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var claim = await LockClaimAsync(work, id);
        if (claim is null)
            return Problems.NotFound("Incentive claim", id);
        if (claim.Status != ClaimStatus.Raised)
            return Problems.IllegalTransition("Incentive claim", claim.Status.ToString(), "approved");
        if (await ProjectTerminatedAsync(work, claim.ProjectId))
            return Terminated();
        // One statement both checks and commits the budget, so concurrent approvals cannot overspend it.
        var committed = await work.ExecuteAsync(
            """
            UPDATE incentive_policies SET committed_cny = committed_cny + @AwardCny
            WHERE id = @PolicyId AND committed_cny + @AwardCny <= budget_cny
            """,
            new { claim.AwardCny, claim.PolicyId });
        if (committed == 0)
            return Problems.Conflict("The budget cannot cover this award.", $"The policy's remaining budget is less than {claim.AwardCny:0.00} 元.");
        var approved = claim with { Status = ClaimStatus.Approved, ApprovedAt = clock.GetUtcNow(), DecidedBy = work.Actor.Subject };
        await work.ExecuteAsync(
            "UPDATE incentive_claims SET status = 'Approved', approved_at = @ApprovedAt, decided_by = @DecidedBy WHERE id = @Id", approved);
        await work.AuditAsync("IncentiveClaim", id, "approved", new { claim.Status }, new { approved.Status, approved.AwardCny });
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(approved);
    }

    internal static async Task<Results<Ok<IncentiveClaim>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid id, IncentivesApi.ReasonRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("reason", request.Reason, 2000);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var claim = await LockClaimAsync(work, id);
        if (claim is null)
            return Problems.NotFound("Incentive claim", id);
        if (claim.Status != ClaimStatus.Raised)
            return Problems.IllegalTransition("Incentive claim", claim.Status.ToString(), "rejected");
        var rejected = claim with { Status = ClaimStatus.Rejected, DecidedBy = work.Actor.Subject };
        await work.ExecuteAsync("UPDATE incentive_claims SET status = 'Rejected', decided_by = @DecidedBy WHERE id = @Id", rejected);
        await work.AuditAsync("IncentiveClaim", id, "rejected", new { claim.Status }, new { rejected.Status, request.Reason });
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(rejected);
    }

    internal static async Task<Results<Created<IncentivePayment>, Ok<IncentivePayment>, ValidationProblem, ProblemHttpResult>> PayAsync(
        Guid id, [FromHeader(Name = IncentivesApi.IdempotencyHeader)] string? key, HttpContext http, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
            return new ValidationErrors().Add(IncentivesApi.IdempotencyHeader, "The Idempotency-Key header is required (1 to 100 characters).").ToProblem();

        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        // The claim's lock orders concurrent requests; a request carrying an already used key then finds its payment.
        var claim = await LockClaimAsync(work, id);
        if (claim is null)
            return Problems.NotFound("Incentive claim", id);
        var earlier = await work.QuerySingleOrDefaultAsync<IncentivePayment>(
            "SELECT id, claim_id, stage, amount_cny, idempotency_key, paid_by, paid_at FROM incentive_payments WHERE idempotency_key = @key",
            new { key });
        if (earlier is not null)
            return earlier.ClaimId == id
                ? TypedResults.Ok(earlier)
                : Problems.Conflict("Idempotency-Key already used.", "This key paid another claim; use a new key for a new payment.");
        if (claim.Status != ClaimStatus.Approved)
            return Problems.IllegalTransition("Incentive claim", claim.Status.ToString(), "paid");
        if (await ProjectTerminatedAsync(work, claim.ProjectId))
            return Terminated();
        if (await work.QuerySingleAsync<int>("SELECT count(*) FROM incentive_clawbacks WHERE claim_id = @id", new { id }) > 0)
            return Problems.Conflict("Being clawed back.", "The project terminated within the policy's period; nothing more is paid.");

        var stages = await work.QuerySingleAsync<decimal[]>("SELECT stages FROM incentive_policies WHERE id = @PolicyId", new { claim.PolicyId });
        var paidStages = await work.QuerySingleAsync<int>("SELECT count(*) FROM incentive_payments WHERE claim_id = @id", new { id });
        if (paidStages >= stages.Length)
            return Problems.Conflict("Fully paid.", $"All {stages.Length} stages of the award are paid.");

        var payment = new IncentivePayment(
            Guid.CreateVersion7(), id, paidStages + 1, MoneyRules.SplitIntoStages(claim.AwardCny, stages)[paidStages], key,
            work.Actor.Subject, clock.GetUtcNow());
        await work.ExecuteAsync(
            """
            INSERT INTO incentive_payments (id, claim_id, stage, amount_cny, idempotency_key, paid_by, paid_at)
            VALUES (@Id, @ClaimId, @Stage, @AmountCny, @IdempotencyKey, @PaidBy, @PaidAt)
            """,
            payment);
        await work.AuditAsync("IncentiveClaim", id, $"stage {payment.Stage} paid", null, payment);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/incentive-claims/{id}", payment);
    }


    private static Task<IncentiveClaim?> LockClaimAsync(UnitOfWork work, Guid id) =>
        work.QuerySingleOrDefaultAsync<IncentiveClaim>($"SELECT {IncentiveClaim.Columns} FROM incentive_claims WHERE id = @id FOR UPDATE", new { id });

    /// <summary>The ledger's state as committed: a termination that committed first is seen here, after the claim's lock.</summary>
    private static async Task<bool> ProjectTerminatedAsync(UnitOfWork work, Guid projectId) =>
        await work.QuerySingleAsync<string>("SELECT state FROM funding_ledgers WHERE project_id = @projectId", new { projectId }) == "Terminated";

    private static ProblemHttpResult Terminated() =>
        Problems.Conflict("The project is terminated.", "A terminated project's claims are neither approved nor paid.");
}
