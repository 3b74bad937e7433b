using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Enterprises;

public static class EnterprisesApi
{
    /// <summary>HQ region that allows an enterprise without a USCC.</summary>
    private const string Abroad = "境外";

    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Target enterprises (重点目标企业)");
        api.MapPost("/", CreateEnterpriseAsync).WithName("CreateEnterprise").AllowRoles(Roles.Bureau, Roles.District);
        api.MapGet("/{id:guid}", GetEnterpriseAsync).WithName("GetEnterprise").AllowRoles(Roles.Staff);
        return app;
    }

    public sealed record CreateEnterpriseRequest(
        string? Name, string? Uscc, string? HqRegion, string? IndustryChain, ChainRole? ChainRole);

    public sealed record EnterpriseResponse(
        Guid Id, string Name, string? Uscc, string HqRegion, string IndustryChain, ChainRole ChainRole, DateTimeOffset CreatedAt);

    internal static async Task<Results<Created<EnterpriseResponse>, ValidationProblem, ProblemHttpResult>> CreateEnterpriseAsync(
        CreateEnterpriseRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (!errors.IsValid)
            return errors.ToProblem();

        var enterprise = new EnterpriseResponse(
            Guid.CreateVersion7(), request.Name!.Trim(), request.Uscc, request.HqRegion!.Trim(),
            request.IndustryChain!.Trim(), request.ChainRole!.Value, DateTimeOffset.UtcNow);
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        try
        {
            await work.ExecuteAsync(
                """
                INSERT INTO enterprises (id, name, uscc, hq_region, industry_chain, chain_role, created_at)
                VALUES (@Id, @Name, @Uscc, @HqRegion, @IndustryChain, @ChainRole, @CreatedAt)
                """,
                new
                {
                    enterprise.Id, enterprise.Name, enterprise.Uscc, enterprise.HqRegion, enterprise.IndustryChain,
                    ChainRole = enterprise.ChainRole.ToString(), enterprise.CreatedAt,
                });
            await work.AuditAsync("Enterprise", enterprise.Id, "created", null, enterprise);
            await work.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Problems.Conflict("Duplicate enterprise.", $"An enterprise with USCC {request.Uscc} is already on the list.");
        }

        return TypedResults.Created($"/api/enterprises/{enterprise.Id}", enterprise);
    }

    internal static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult>> GetEnterpriseAsync(
        Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EnterpriseResponse>(
            "SELECT id, name, uscc, hq_region, industry_chain, chain_role, created_at FROM enterprises WHERE id = @id",
            new { id });
        return row is null
            ? Problems.NotFound("Enterprise", id)
            : TypedResults.Ok(row);
    }

    private static ValidationErrors Validate(CreateEnterpriseRequest request)
    {
        var errors = new ValidationErrors()
            .RequireText("name", request.Name)
            .RequireText("hqRegion", request.HqRegion, 50)
            .RequireText("industryChain", request.IndustryChain, 50);
        if (request.ChainRole is null)
            errors.Add("chainRole", "'chainRole' is required: ChainLeader (链主) or Supplier (配套).");
        if (request.Uscc is not null && Uscc.Problem(request.Uscc) is { } problem)
            errors.Add("uscc", problem);
        else if (request.Uscc is null && request.HqRegion?.Trim() != Abroad)
            errors.Add("uscc", "'uscc' is required for enterprises registered in China.");
        return errors;
    }
}
