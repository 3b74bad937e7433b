using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Funding.Funds;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Funding.Money;
using Zhaoshang.Funding.Stats;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Incentives;

/// <summary>
/// Incentive policies and claims: raised from milestones or by staff, approved by finance against the budget (never
/// overspent, even by concurrent approvals), paid stage by stage with an Idempotency-Key, stopped and clawed back on termination.
/// </summary>
public static class IncentivesApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapIncentivesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTag("Incentives (招商引资奖励)",
            "Incentive policies, claims raised on milestones, approval within the budget, staged payments and clawbacks.");
        api.MapPost("/incentive-policies", IncentivePoliciesApi.CreatePolicyAsync).WithName("CreateIncentivePolicy").AllowRoles(Roles.Bureau)
            .WithSummary("Adds a policy: milestone, minimum verified fixed-asset investment, share with a cap, stages, yearly budget, clawback years.");
        api.MapGet("/incentive-policies", IncentivePoliciesApi.ListPoliciesAsync).WithName("ListIncentivePolicies").AllowRoles(Roles.Bureau, Roles.Finance, Roles.Auditor)
            .WithSummary("The policies, of one year or all, with their budgets and what is committed.");
        api.MapPost("/incentive-claims", RaiseClaimAsync).WithName("RaiseIncentiveClaim").AllowRoles(Roles.Bureau, Roles.District)
            .WithSummary("Raises a claim by hand; construction start and production raise them automatically.");
        api.MapGet("/projects/{projectId:guid}/incentive-claims", ListProjectClaimsAsync).WithName("ListProjectIncentiveClaims")
            .AllowRoles(Roles.Bureau, Roles.Finance, Roles.Auditor).WithSummary("The project's incentive claims.");
        api.MapGet("/incentive-claims/{id:guid}", GetClaimAsync).WithName("GetIncentiveClaim").AllowRoles(Roles.Bureau, Roles.Finance, Roles.Auditor)
            .WithSummary("A claim with its stage amounts, payments and any clawback.");
        api.MapPost("/incentive-claims/{id:guid}/approve", ClaimDecisionsApi.ApproveAsync).WithName("ApproveIncentiveClaim").AllowRoles(Roles.Finance)
            .WithSummary("Commits the award against the policy's budget; 409 when the budget cannot cover it.");
        api.MapPost("/incentive-claims/{id:guid}/reject", ClaimDecisionsApi.RejectAsync).WithName("RejectIncentiveClaim").AllowRoles(Roles.Finance)
            .WithSummary("Finance rejects the claim, with the reason.");
        api.MapPost("/incentive-claims/{id:guid}/payments", ClaimDecisionsApi.PayAsync).WithName("PayIncentiveStage").AllowRoles(Roles.Finance)
            .WithSummary("Pays the next stage. Send an Idempotency-Key header: a retried request with the same key pays once.");
        api.MapGet("/incentive-payments.csv", ExportPayments).WithName("ExportIncentivePayments").AllowRoles(Roles.Bureau, Roles.Finance, Roles.Auditor)
            .WithSummary("The payment register as CSV with Chinese headings (UTF-8 with BOM).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    public sealed record ClaimRequest(Guid? ProjectId, Guid? PolicyId);

    public sealed record ReasonRequest(string? Reason);

    public sealed record ClaimView(
        IncentiveClaim Claim, IReadOnlyList<decimal> StageAmounts, IReadOnlyList<IncentivePayment> Payments, decimal PaidCny,
        IncentiveClawback? Clawback);

    internal static async Task<Results<Created<IncentiveClaim>, ValidationProblem, ProblemHttpResult>> RaiseClaimAsync(
        ClaimRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireId("projectId", request.ProjectId).RequireId("policyId", request.PolicyId);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var ledger = await work.QuerySingleOrDefaultAsync<LedgerScope>(
            LedgerScope.ByProject, new { projectId = request.ProjectId });
        if (ledger is null || !work.Actor.CanSee(ledger.Scope))
            return Problems.NotFound("Funding ledger of project", request.ProjectId!.Value);
        if (!work.Actor.CanChange(ledger.Scope))
            return Problems.Forbidden($"Only the bureau and {ledger.District}'s staff raise claims for this project.");
        var policy = await work.QuerySingleOrDefaultAsync<IncentivePolicy>(
            $"SELECT {IncentivePolicy.Columns} FROM incentive_policies WHERE id = @PolicyId", new { request.PolicyId });
        if (policy is null)
            return errors.Add("policyId", $"There is no incentive policy with id {request.PolicyId}.").ToProblem();
        // Under the ledger's lock a termination is either seen here or stops this claim after it.
        if ((await LedgerFacts.LockAsync(work, request.ProjectId!.Value))!.Terminated)
            return Problems.Conflict("The project is terminated.", "No claim is raised for a terminated project.");
        if (await ClaimRaiser.RaiseAsync(work, policy, request.ProjectId.Value, work.Actor.Subject, clock) is not { } claim)
            return Problems.Conflict("No claim raised.",
                "The project already has a claim under this policy, or its verified fixed-asset investment is below the policy's minimum.");
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/incentive-claims/{claim.Id}", claim);
    }

    internal static async Task<Ok<IReadOnlyList<IncentiveClaim>>> ListProjectClaimsAsync(
        Guid projectId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var claims = await connection.QueryAsync<IncentiveClaim>(
            $"SELECT {IncentiveClaim.Columns} FROM incentive_claims WHERE project_id = @projectId ORDER BY raised_at", new { projectId });
        return TypedResults.Ok<IReadOnlyList<IncentiveClaim>>(claims.AsList());
    }

    internal static async Task<Results<Ok<ClaimView>, ProblemHttpResult>> GetClaimAsync(Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadClaimAsync(connection, id) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Incentive claim", id);
    }

    internal static PushStreamHttpResult ExportPayments(int? year, Database database, CancellationToken cancellationToken)
    {
        var outOfRange = year is not (null or (>= 2000 and <= 2100));
        // The year as a range of paid_at, so the index on (paid_at, id) answers it in the ledger's order.
        var rows = Csv.KeysetAsync<PaymentRow>(database,
            $"""
            SELECT p.paid_at, l.district, {LedgerFacts.CurrentPark} AS park, l.industry, c.project_id, pol.name AS policy, p.stage, p.amount_cny, c.award_cny,
                   p.paid_by, p.idempotency_key, p.id
            FROM incentive_payments p
            JOIN incentive_claims c ON c.id = p.claim_id
            JOIN incentive_policies pol ON pol.id = c.policy_id
            JOIN funding_ledgers l ON l.project_id = c.project_id
            WHERE NOT @outOfRange AND (@year::int IS NULL OR (p.paid_at >= make_timestamptz(@year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
                                         AND p.paid_at < make_timestamptz(@year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')))
              AND (p.paid_at, p.id) > (@afterAt, @afterId)
            ORDER BY p.paid_at, p.id LIMIT @PageSize
            """,
            // A year no payment can be in is an empty ledger, not an overflow in make_timestamptz.
            last => new { year = outOfRange ? null : year, outOfRange, afterAt = last?.PaidAt ?? DateTimeOffset.MinValue, afterId = last?.Id ?? Guid.Empty },
            cancellationToken);
        return Csv.Stream("奖励兑现台账.csv",
            ["支付时间", "区县", "园区", "产业", "项目编号", "奖励政策", "阶段", "本次支付（元）", "核定奖励（元）", "经办人", "幂等键"],
            rows.Select(r => new[]
            {
                r.PaidAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss"), r.District, r.Park, r.Industry, r.ProjectId.ToString(),
                r.Policy, r.Stage.ToString(), Csv.Money(r.AmountCny), Csv.Money(r.AwardCny), r.PaidBy, r.IdempotencyKey,
            }));
    }

    private static async Task<ClaimView?> ReadClaimAsync(NpgsqlConnection connection, Guid id)
    {
        var claim = await connection.QuerySingleOrDefaultAsync<IncentiveClaim>($"SELECT {IncentiveClaim.Columns} FROM incentive_claims WHERE id = @id", new { id });
        if (claim is null)
            return null;
        var stages = await connection.QuerySingleAsync<decimal[]>("SELECT stages FROM incentive_policies WHERE id = @PolicyId", new { claim.PolicyId });
        var payments = (await connection.QueryAsync<IncentivePayment>(
            "SELECT id, claim_id, stage, amount_cny, idempotency_key, paid_by, paid_at FROM incentive_payments WHERE claim_id = @id ORDER BY stage",
            new { id })).AsList();
        var clawback = await connection.QuerySingleOrDefaultAsync<IncentiveClawback>(
            "SELECT id, claim_id, amount_cny, reason, raised_at FROM incentive_clawbacks WHERE claim_id = @id", new { id });
        return new ClaimView(claim, MoneyRules.SplitIntoStages(claim.AwardCny, stages), payments, payments.Sum(p => p.AmountCny), clawback);
    }

    private sealed record PaymentRow(
        DateTimeOffset PaidAt, string District, string Park, string Industry, Guid ProjectId, string Policy, int Stage, decimal AmountCny,
        decimal AwardCny, string PaidBy, string IdempotencyKey, Guid Id);
}
