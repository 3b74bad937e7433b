using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Incentives;

/// <summary>Incentive policies (招商引资奖励政策): the bureau adds them; each year's budget and what is committed against it.</summary>
public static class IncentivePoliciesApi
{
    public sealed record PolicyRequest(
        string? Name, int? Year, Milestone? Milestone, decimal? MinFixedAssetCny, decimal? Percentage, decimal? CapCny,
        decimal[]? Stages, decimal? BudgetCny, int? ClawbackYears);

    internal static async Task<Results<Created<IncentivePolicy>, ValidationProblem>> CreatePolicyAsync(
        PolicyRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireText("name", request.Name)
            .RequireAmount("minFixedAssetCny", request.MinFixedAssetCny, allowZero: true)
            .RequireAmount("capCny", request.CapCny)
            .RequireAmount("budgetCny", request.BudgetCny);
        if (request.Year is null or < 2000 or > 2100)
            errors.Add("year", "'year' is required (2000 to 2100).");
        if (request.Milestone is null)
            errors.Add("milestone", "'milestone' is ConstructionStart (开工) or Production (投产).");
        // Shares are kept as numeric(7,4): a fifth decimal would be rounded away on the way in.
        if (request.Percentage is not (> 0 and <= 1) || !FourDecimals(request.Percentage.Value))
            errors.Add("percentage", "'percentage' is a share of the verified fixed-asset investment, above 0 and at most 1, with at most four decimals.");
        if (request.Stages is null || request.Stages.Length is 0 or > 10 || request.Stages.Any(s => s is <= 0 or > 1 || !FourDecimals(s))
            || request.Stages.Sum() != 1m)
            errors.Add("stages", "'stages' are 1 to 10 positive shares with at most four decimals adding up to 1, e.g. [0.5, 0.4, 0.1].");
        if (request.ClawbackYears is null or < 0 or > 20)
            errors.Add("clawbackYears", "'clawbackYears' is 0 to 20.");
        if (!errors.IsValid)
            return errors.ToProblem();

        var policy = new IncentivePolicy(
            Guid.CreateVersion7(), request.Name!.Trim(), request.Year!.Value, request.Milestone!.Value, request.MinFixedAssetCny!.Value,
            request.Percentage!.Value, request.CapCny!.Value, request.Stages!, request.BudgetCny!.Value, 0m, request.ClawbackYears!.Value,
            clock.GetUtcNow());
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        await work.ExecuteAsync(
            """
            INSERT INTO incentive_policies (id, name, year, milestone, min_fixed_asset_cny, percentage, cap_cny, stages, budget_cny,
                                            committed_cny, clawback_years, created_at)
            VALUES (@Id, @Name, @Year, @Milestone, @MinFixedAssetCny, @Percentage, @CapCny, @Stages, @BudgetCny, 0, @ClawbackYears, @CreatedAt)
            """,
            new
            {
                policy.Id, policy.Name, policy.Year, Milestone = policy.Milestone.ToString(), policy.MinFixedAssetCny, policy.Percentage,
                policy.CapCny, policy.Stages, policy.BudgetCny, policy.ClawbackYears, policy.CreatedAt,
            });
        await work.AuditAsync("IncentivePolicy", policy.Id, "created", null, policy);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/incentive-policies/{policy.Id}", policy);
    }

    internal static async Task<Ok<IReadOnlyList<IncentivePolicy>>> ListPoliciesAsync(int? year, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var policies = await connection.QueryAsync<IncentivePolicy>(
            $"SELECT {IncentivePolicy.Columns} FROM incentive_policies WHERE @year::int IS NULL OR year = @year ORDER BY year DESC, name",
            new { year });
        return TypedResults.Ok<IReadOnlyList<IncentivePolicy>>(policies.AsList());
    }

    private static bool FourDecimals(decimal share) => decimal.Round(share, 4) == share;
}
