using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Enterprises;

public static class IndustryChainsApi
{
    public static IEndpointRouteBuilder MapIndustryChainsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/industry-chains/{chain}", GetIndustryChainAsync)
            .WithTags("Target enterprises (重点目标企业)").WithName("GetIndustryChain")
            .WithSummary("An industry chain's target enterprises grouped by role, and the roles with no target yet (补链).")
            .AllowRoles(Roles.Staff);
        return app;
    }

    internal static async Task<Ok<IndustryChainView>> GetIndustryChainAsync(
        string chain, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var enterprises = (await connection.QueryAsync<Enterprise>(
            Enterprise.Select + " WHERE industry_chain = @chain ORDER BY priority, name", new { chain })).AsList();
        return TypedResults.Ok(IndustryChains.View(chain, enterprises));
    }
}

public sealed record ChainRoleGroup(ChainRole Role, IReadOnlyList<Enterprise> Enterprises);

public sealed record IndustryChainView(string Chain, IReadOnlyList<ChainRoleGroup> Roles, IReadOnlyList<ChainRole> Gaps);

/// <summary>The 补链 rule: every role of a chain should have at least one target enterprise.</summary>
public static class IndustryChains
{
    public static IndustryChainView View(string chain, IReadOnlyList<Enterprise> enterprises)
    {
        var groups = Enum.GetValues<ChainRole>()
            .Select(role => new ChainRoleGroup(role, enterprises.Where(e => e.ChainRole == role).ToList()))
            .ToList();
        return new IndustryChainView(
            chain, groups, groups.Where(g => g.Enterprises.Count == 0).Select(g => g.Role).ToList());
    }
}
