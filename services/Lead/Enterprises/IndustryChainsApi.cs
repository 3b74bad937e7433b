using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Enterprises;

public static class IndustryChainsApi
{
    public static IEndpointRouteBuilder MapIndustryChainsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/industry-chains/{chain}", GetIndustryChainAsync)
            .WithTags("Target enterprises (重点目标企业)").WithName("GetIndustryChain")
            .WithSummary("An industry chain's roles, each with how many target enterprises it has and a page of them (priority, then name), and the roles with no target yet (补链).")
            .WithDescription("page and pageSize page every role's enterprises alike; role answers that role alone, to page through it. The counts and the gaps are always the whole chain's.")
            .AllowRoles(Roles.Staff);
        return app;
    }

    public sealed record ChainQuery(ChainRole? Role, int? Page, int? PageSize);

    // Each role's page comes off enterprises_chain_order (migration 0009) in its order; the counts off its first two columns.
    private const string Sql =
        """
        SELECT chain_role, count(*) AS count FROM enterprises WHERE industry_chain = @Chain GROUP BY chain_role;
        SELECT e.* FROM unnest(@Roles) AS role
        CROSS JOIN LATERAL (
            SELECT id, name, trim(uscc) AS uscc, hq_region, industry_chain, chain_role, priority, version, created_at, updated_at
            FROM enterprises
            WHERE industry_chain = @Chain AND chain_role = role
            ORDER BY priority, name, id
            LIMIT @Size OFFSET @Offset) e
        """;

    internal static async Task<Results<Ok<IndustryChainView>, ValidationProblem>> GetIndustryChainAsync(
        string chain, [AsParameters] ChainQuery query, Database database, CancellationToken cancellationToken)
    {
        var page = new PageQuery(query.Page, query.PageSize, null);
        var errors = page.Validate(new ValidationErrors());
        // Binding takes any number as an enum ("role=999"); only a named role is one.
        if (query.Role is { } asked && !Enum.IsDefined(asked))
            errors.Add("role", $"'role' must be one of {string.Join(", ", Enum.GetNames<ChainRole>())}.");
        if (!errors.IsValid)
            return errors.ToProblem();

        var roles = query.Role is { } role ? [role] : Enum.GetValues<ChainRole>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(Sql,
            new { Chain = chain, Roles = roles.Select(r => r.ToString()).ToArray(), page.Size, page.Offset });
        var counts = (await results.ReadAsync<RoleCount>()).ToDictionary(c => c.ChainRole, c => c.Count);
        var enterprises = (await results.ReadAsync<Enterprise>()).AsList();
        return TypedResults.Ok(IndustryChains.View(chain, roles, counts, enterprises, page));
    }

    private sealed record RoleCount(ChainRole ChainRole, long Count);
}

/// <param name="Enterprises">The page asked for of the role's enterprises; its total is how many the role has.</param>
public sealed record ChainRoleGroup(ChainRole Role, Page<Enterprise> Enterprises);

public sealed record IndustryChainView(string Chain, IReadOnlyList<ChainRoleGroup> Roles, IReadOnlyList<ChainRole> Gaps);

/// <summary>The 补链 rule: every role of a chain should have at least one target enterprise.</summary>
public static class IndustryChains
{
    /// <summary>
    /// The groups of <paramref name="roles"/>, each its page of <paramref name="enterprises"/> and its count; the gaps are
    /// the roles of the whole chain that <paramref name="counts"/> has no enterprise for.
    /// </summary>
    public static IndustryChainView View(
        string chain, IReadOnlyList<ChainRole> roles, IReadOnlyDictionary<ChainRole, long> counts, IReadOnlyList<Enterprise> enterprises,
        PageQuery page) =>
        new(chain,
            roles.Select(role => new ChainRoleGroup(role, new Page<Enterprise>(
                enterprises.Where(e => e.ChainRole == role).ToList(), page.Number, page.Size, counts.GetValueOrDefault(role)))).ToList(),
            Enum.GetValues<ChainRole>().Where(role => counts.GetValueOrDefault(role) == 0).ToList());
}
