using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Ledgers;

public static class LedgersApi
{
    public static IEndpointRouteBuilder MapLedgersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projects/{projectId:guid}/ledger", GetLedgerAsync)
            .WithTag("Funding ledgers (资金台账)", "Each signed project's funding ledger: contracted investment and verified funds.").WithName("GetLedger")
            .WithSummary("The project's ledger: contracted investment, verified funds and verified fixed-asset investment.")
            .AllowRoles(Roles.Staff);
        return app;
    }

    public sealed record LedgerView(
        Guid LedgerId, Guid ProjectId, decimal ContractedInvestment, DateOnly SignedOn, string Industry, string District,
        string Park, Guid? ParkId, string State, decimal VerifiedCny, decimal VerifiedFixedAssetsCny, DateTimeOffset OpenedAt);

    internal static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> GetLedgerAsync(
        Guid projectId, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ledger = await connection.QuerySingleOrDefaultAsync<LedgerView>(
            $"""
            SELECT id AS ledger_id, project_id, contracted_investment, signed_on, industry, district, {LedgerFacts.CurrentPark} AS park, park_id, state,
                   (SELECT coalesce(sum(amount_cny), 0) FROM funds_reports r WHERE r.project_id = l.project_id AND r.status = 'Verified') AS verified_cny,
                   (SELECT coalesce(sum(amount_cny), 0) FROM funds_reports r
                    WHERE r.project_id = l.project_id AND r.status = 'Verified' AND r.use = 'FixedAssets') AS verified_fixed_assets_cny,
                   opened_at
            FROM funding_ledgers l WHERE project_id = @projectId
            """,
            new { projectId });
        return ledger is null || !Actor.From(user).CanSee(new RecordScope(ledger.District, ledger.Park, ledger.ParkId))
            ? Problems.NotFound("Funding ledger of project", projectId)
            : TypedResults.Ok(ledger);
    }
}
