using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;
using static Zhaoshang.Funding.Funds.FundsApi;

namespace Zhaoshang.Funding.Funds;

/// <summary>
/// Correcting a funds report before finance decides on it; a verified report is counted and announced, a rejected one is
/// closed, so those are reported anew instead.
/// </summary>
public static class FundsReportEditsApi
{
    internal static async Task<Results<Ok<FundsReport>, ValidationProblem, ProblemHttpResult>> UpdateFundsReportAsync(
        Guid id, UpdateFundsReportRequest request, ClaimsPrincipal user, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var report = request.ToReport();
        var errors = report.Validate(clock.TodayInChina()).RequireVersion(request.Version);
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var current = await work.QuerySingleOrDefaultAsync<FundsReport>(
            $"SELECT {FundsReport.Columns} FROM funds_reports WHERE id = @id FOR UPDATE", new { id });
        if (current is null)
            return Problems.NotFound("Funds report", id);
        var ledger = await work.QuerySingleAsync<LedgerScope>(LedgerScope.ByProject, new { projectId = current.ProjectId });
        if (!work.Actor.CanSee(ledger.Scope))
            return Problems.NotFound("Funds report", id);
        if (!work.Actor.CanChange(ledger.Scope))
            return Problems.Forbidden($"Only the bureau and {ledger.District}'s staff correct this project's funds.");
        if (current.Status != FundsReportStatus.Reported)
            return Problems.IllegalTransition("Funds report", current.Status.ToString(), "corrected");
        if (current.Version != request.Version)
            return Problems.StaleVersion("Funds report", current.Version, current);

        var (rate, amountCny) = await report.ToCnyAsync(work, errors);
        if (!errors.IsValid)
            return errors.ToProblem();
        var updated = current with
        {
            Amount = request.Amount!.Value, Currency = request.Currency!, ExchangeRate = rate, AmountCny = amountCny,
            Source = request.Source!.Value, Use = request.Use!.Value, ReportedOn = request.ReportedOn!.Value,
            EvidenceRef = request.EvidenceRef!.Trim(), Version = current.Version + 1,
        };
        await work.ExecuteAsync(
            """
            UPDATE funds_reports
            SET amount = @Amount, currency = @Currency, exchange_rate = @ExchangeRate, amount_cny = @AmountCny, source = @Source,
                use = @Use, reported_on = @ReportedOn, evidence_ref = @EvidenceRef, version = @Version
            WHERE id = @Id
            """,
            new
            {
                updated.Amount, updated.Currency, updated.ExchangeRate, updated.AmountCny, Source = updated.Source.ToString(),
                Use = updated.Use.ToString(), updated.ReportedOn, updated.EvidenceRef, updated.Version, updated.Id,
            });
        await work.AuditAsync("FundsReport", id, "updated", current, updated);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated);
    }
}
