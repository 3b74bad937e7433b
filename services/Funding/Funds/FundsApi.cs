using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Funding.Incentives;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Funds;

public static partial class FundsApi
{
    public static readonly string[] Reporters = [Roles.Bureau, Roles.District];
    public static readonly string[] Readers = [Roles.Bureau, Roles.District, Roles.Park, Roles.Finance, Roles.Auditor];

    public static IEndpointRouteBuilder MapFundsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTag("Funds in place (到位资金)",
            "Funds-in-place reports, finance's verification, and the USD rates that convert them to 元.");
        api.MapPost("/projects/{projectId:guid}/funds-reports", ReportAsync).WithName("ReportFunds").AllowRoles(Reporters)
            .WithSummary("Reports funds in place; USD is converted at the rate of the report date.");
        api.MapGet("/projects/{projectId:guid}/funds-reports", ListAsync).WithName("ListFundsReports").AllowRoles(Readers)
            .WithSummary("The project's funds-in-place reports, by report date.");
        api.MapPut("/funds-reports/{id:guid}", FundsReportEditsApi.UpdateFundsReportAsync).WithName("UpdateFundsReport").AllowRoles(Reporters)
            .WithSummary("Corrects a report finance has not decided yet; send the version you read (stale → 409 with the report as it is; verified or rejected → 409).");
        api.MapPost("/funds-reports/{id:guid}/verify", VerifyAsync).WithName("VerifyFunds").AllowRoles(Roles.Finance)
            .WithSummary("Finance verifies the report: only verified funds count.");
        api.MapPost("/funds-reports/{id:guid}/reject", RejectAsync).WithName("RejectFunds").AllowRoles(Roles.Finance)
            .WithSummary("Finance rejects the report, with the reason; it never counts.");
        return app;
    }

    public sealed record ReasonRequest(string? Reason);

    internal static async Task<Results<Created<FundsReport>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        Guid projectId, FundsReportRequest request, ClaimsPrincipal user, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = request.Validate(clock.TodayInChina());
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var ledger = await work.QuerySingleOrDefaultAsync<LedgerScope>(
            LedgerScope.ByProject, new { projectId });
        if (ledger is null || !work.Actor.CanSee(ledger.Scope))
            return Problems.NotFound("Funding ledger of project", projectId);
        if (!work.Actor.CanChange(ledger.Scope))
            return Problems.Forbidden($"Only the bureau and {ledger.District}'s staff report this project's funds.");

        var (rate, amountCny) = await request.ToCnyAsync(work, errors);
        if (!errors.IsValid)
            return errors.ToProblem();
        var report = new FundsReport(
            Guid.CreateVersion7(), projectId, request.Amount!.Value, request.Currency!, rate, amountCny, request.Source!.Value, request.Use!.Value, request.ReportedOn!.Value,
            request.EvidenceRef!.Trim(), FundsReportStatus.Reported, null, null, null, clock.GetUtcNow(), 1);
        await work.ExecuteAsync(
            """
            INSERT INTO funds_reports (id, project_id, amount, currency, exchange_rate, amount_cny, source, use, reported_on,
                                       evidence_ref, status, created_at)
            VALUES (@Id, @ProjectId, @Amount, @Currency, @ExchangeRate, @AmountCny, @Source, @Use, @ReportedOn, @EvidenceRef,
                    @Status, @CreatedAt)
            """,
            new
            {
                report.Id, report.ProjectId, report.Amount, report.Currency, report.ExchangeRate, report.AmountCny,
                Source = report.Source.ToString(), Use = report.Use.ToString(), report.ReportedOn, report.EvidenceRef,
                Status = report.Status.ToString(), report.CreatedAt,
            });
        await work.AuditAsync("FundsReport", report.Id, "reported", null, report);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/projects/{projectId}/funds-reports", report);
    }

    internal static async Task<Results<Ok<IReadOnlyList<FundsReport>>, ProblemHttpResult>> ListAsync(
        Guid projectId, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ledger = await connection.QuerySingleOrDefaultAsync<LedgerScope>(
            LedgerScope.ByProject, new { projectId });
        if (ledger is null || !Actor.From(user).CanSee(ledger.Scope))
            return Problems.NotFound("Funding ledger of project", projectId);
        var reports = await connection.QueryAsync<FundsReport>(
            $"SELECT {FundsReport.Columns} FROM funds_reports WHERE project_id = @projectId ORDER BY reported_on, created_at", new { projectId });
        return TypedResults.Ok<IReadOnlyList<FundsReport>>(reports.AsList());
    }

    internal static async Task<Results<Ok<FundsReport>, ProblemHttpResult>> VerifyAsync(
        Guid id, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (report, refusal) = await DecideAsync(work, id, FundsReportStatus.Verified, null, clock);
        if (refusal is not null)
            return refusal;
        // The ledger's lock makes verifications of one project take turns: each total includes every one before it.
        var ledger = (await LedgerFacts.LockAsync(work, report!.ProjectId))!;
        var total = await work.QuerySingleAsync<decimal>(
            "SELECT coalesce(sum(amount_cny), 0) FROM funds_reports WHERE project_id = @ProjectId AND status = 'Verified'",
            new { report.ProjectId });
        await MilestoneClaims.RaiseDueAsync(work, ledger, clock);
        await work.PublishAsync(new FundsVerified(
            report.ProjectId, report.Id, report.AmountCny, total, report.ReportedOn, clock.GetUtcNow(), report.Currency, report.Amount,
            await ExchangeRatesApi.UsdEquivalentAsync(work, report), report.Source.ToString(), report.Use.ToString()));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(report);
    }

    internal static async Task<Results<Ok<FundsReport>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid id, ReasonRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireText("reason", request.Reason, 2000);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (report, refusal) = await DecideAsync(work, id, FundsReportStatus.Rejected, request.Reason!.Trim(), clock);
        if (refusal is not null)
            return refusal;
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(report!);
    }

    /// <summary>Reported → Verified or Rejected, once.</summary>
    private static async Task<(FundsReport? Report, ProblemHttpResult? Refusal)> DecideAsync(
        UnitOfWork work, Guid id, FundsReportStatus to, string? reason, TimeProvider clock)
    {
        var report = await work.QuerySingleOrDefaultAsync<FundsReport>(
            $"SELECT {FundsReport.Columns} FROM funds_reports WHERE id = @id FOR UPDATE", new { id });
        if (report is null)
            return (null, Problems.NotFound("Funds report", id));
        if (report.Status != FundsReportStatus.Reported)
            return (null, Problems.IllegalTransition("Funds report", report.Status.ToString(), to == FundsReportStatus.Verified ? "verified" : "rejected"));
        var decided = report with
        {
            Status = to, DecidedBy = work.Actor.Subject, DecidedAt = clock.GetUtcNow(), RejectReason = reason, Version = report.Version + 1,
        };
        await work.ExecuteAsync(
            """
            UPDATE funds_reports
            SET status = @Status, decided_by = @DecidedBy, decided_at = @DecidedAt, reject_reason = @RejectReason, version = @Version
            WHERE id = @Id
            """,
            new { Status = to.ToString(), decided.DecidedBy, decided.DecidedAt, decided.RejectReason, decided.Version, decided.Id });
        await work.AuditAsync("FundsReport", id, to == FundsReportStatus.Verified ? "verified" : "rejected", new { report.Status }, new { decided.Status, reason });
        return (decided, null);
    }
}
