using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Funding.Ledgers;

public static class LedgersApi
{
    public static IEndpointRouteBuilder MapLedgersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projects/{projectId:guid}/ledger", GetLedgerAsync)
            .WithTags("Funding ledgers (资金台账)").WithName("GetLedger");
        return app;
    }

    public sealed record LedgerView(
        Guid LedgerId, Guid ProjectId, decimal ContractedInvestment, DateOnly SignedOn, string Industry, string District,
        DateTimeOffset OpenedAt);

    internal static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> GetLedgerAsync(
        Guid projectId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ledger = await connection.QuerySingleOrDefaultAsync<LedgerView>(
            """
            SELECT id AS ledger_id, project_id, contracted_investment, signed_on, industry, district, opened_at
            FROM funding_ledgers WHERE project_id = @projectId
            """,
            new { projectId });
        return ledger is null ? Problems.NotFound("Funding ledger of project", projectId) : TypedResults.Ok(ledger);
    }
}
