using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Enterprises;

public static class EnterprisesApi
{
    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTag("Target enterprises (重点目标企业)",
            "The bureau's list of target enterprises (重点目标企业清单): USCC checked against GB 32100-2015, searchable, by industry chain and chain role.");
        api.MapPost("/", CreateEnterpriseAsync).WithName("CreateEnterprise").AllowRoles(Roles.Bureau, Roles.District)
            .WithSummary("Adds an enterprise to the target list; a USCC must be valid and not on the list yet (409).");
        api.MapPut("/{id:guid}", UpdateEnterpriseAsync).WithName("UpdateEnterprise").AllowRoles(Roles.Bureau, Roles.District)
            .WithSummary("Replaces the enterprise's details; send the version you read (a stale version is refused with 409).");
        api.MapGet("/{id:guid}", GetEnterpriseAsync).WithName("GetEnterprise").AllowRoles(Roles.Staff)
            .WithSummary("One enterprise of the target list.");
        api.MapGet("/", ListEnterprisesAsync).WithName("ListEnterprises").AllowRoles(Roles.Staff)
            .WithSummary("Searches the list by name (part of it), USCC, industry chain, chain role, HQ region and priority.");
        return app;
    }

    internal static async Task<Results<Created<Enterprise>, ValidationProblem, ProblemHttpResult>> CreateEnterpriseAsync(
        EnterpriseRequest request, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = request.Validate(dictionaries);
        if (!errors.IsValid)
            return errors.ToProblem();

        var now = clock.GetUtcNow();
        var enterprise = new Enterprise(
            Guid.CreateVersion7(), request.Name!.Trim(), request.Uscc, request.HqRegion!.Trim(), request.IndustryChain!.Trim(),
            request.ChainRole!.Value, request.Priority ?? EnterprisePriority.B, 1, now, now);
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        try
        {
            await work.ExecuteAsync(Insert, Parameters(enterprise));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return DuplicateUscc(request.Uscc);
        }

        await work.AuditAsync("Enterprise", enterprise.Id, "created", null, enterprise);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/enterprises/{enterprise.Id}", enterprise);
    }

    internal static async Task<Results<Ok<Enterprise>, ValidationProblem, ProblemHttpResult>> UpdateEnterpriseAsync(
        Guid id, EnterpriseRequest request, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = request.Validate(dictionaries);
        if (request.Version is null)
            errors.Add("version", "'version' is required: send the version you read.");
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var current = await work.QuerySingleOrDefaultAsync<Enterprise>(Enterprise.Select + " WHERE id = @id FOR UPDATE", new { id });
        if (current is null)
            return Problems.NotFound("Enterprise", id);
        if (current.Version != request.Version)
            return Problems.Conflict("The enterprise was changed meanwhile.", $"It is at version {current.Version}; reload it and try again.");

        var updated = current with
        {
            Name = request.Name!.Trim(), Uscc = request.Uscc, HqRegion = request.HqRegion!.Trim(),
            IndustryChain = request.IndustryChain!.Trim(), ChainRole = request.ChainRole!.Value,
            Priority = request.Priority ?? current.Priority, Version = current.Version + 1, UpdatedAt = clock.GetUtcNow(),
        };
        try
        {
            await work.ExecuteAsync(
                """
                UPDATE enterprises
                SET name = @Name, uscc = @Uscc, hq_region = @HqRegion, industry_chain = @IndustryChain, chain_role = @ChainRole,
                    priority = @Priority, version = @Version, updated_at = @UpdatedAt
                WHERE id = @Id
                """,
                Parameters(updated));
            // Its intents are searched by its name and USCC too (migration 0010): they hold a copy, renewed with it.
            await work.ExecuteAsync(
                """
                UPDATE cooperation_intents i SET enterprise_search_text = e.search_text
                FROM enterprises e WHERE e.id = @id AND i.enterprise_id = e.id AND i.enterprise_search_text <> e.search_text
                """,
                new { id });
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return DuplicateUscc(request.Uscc);
        }

        await work.AuditAsync("Enterprise", id, "updated", current, updated);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated);
    }

    internal static async Task<Results<Ok<Enterprise>, ProblemHttpResult>> GetEnterpriseAsync(
        Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var enterprise = await connection.QuerySingleOrDefaultAsync<Enterprise>(Enterprise.Select + " WHERE id = @id", new { id });
        return enterprise is null ? Problems.NotFound("Enterprise", id) : TypedResults.Ok(enterprise);
    }

    internal static async Task<Results<Ok<Page<Enterprise>>, ValidationProblem>> ListEnterprisesAsync(
        [AsParameters] EnterpriseFilter filter, Database database, CancellationToken cancellationToken)
    {
        var page = new PageQuery(filter.Page, filter.PageSize, filter.Sort);
        var errors = page.Validate(new ValidationErrors(), "name", "createdAt", "priority");
        if (!errors.IsValid)
            return errors.ToProblem();

        // The page's ids first, off the order's index where it has one; then only those rows are read whole.
        var order = page.OrderBy(ListOrders, "createdAt");
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await connection.QueryPageAsync<Enterprise>(
            $"""
            {Enterprise.Select}
            WHERE id IN (SELECT id FROM enterprises {EnterpriseFilter.Where} {order} LIMIT @Size OFFSET @Offset)
            {order}
            """,
            $"SELECT count(*) FROM enterprises {EnterpriseFilter.Where}",
            filter.Arguments(new { page.Size, page.Offset }),
            page));
    }

    /// <summary>Each sort's order, ties by creation: the default (createdAt) comes off the enterprises_created index.</summary>
    private static readonly Dictionary<string, string> ListOrders = new()
    {
        ["createdAt"] = "created_at, id", ["-createdAt"] = "created_at DESC, id",
        ["name"] = "name, created_at, id", ["-name"] = "name DESC, created_at, id",
        ["priority"] = "priority, created_at, id", ["-priority"] = "priority DESC, created_at, id",
    };

    internal const string Insert =
        """
        INSERT INTO enterprises (id, name, uscc, hq_region, industry_chain, chain_role, priority, version, created_at, updated_at)
        VALUES (@Id, @Name, @Uscc, @HqRegion, @IndustryChain, @ChainRole, @Priority, @Version, @CreatedAt, @UpdatedAt)
        """;

    internal static object Parameters(Enterprise e) => new
    {
        e.Id, e.Name, e.Uscc, e.HqRegion, e.IndustryChain, ChainRole = e.ChainRole.ToString(), Priority = e.Priority.ToString(),
        e.Version, e.CreatedAt, e.UpdatedAt,
    };

    private static ProblemHttpResult DuplicateUscc(string? uscc) =>
        Problems.Conflict("Duplicate enterprise.", $"An enterprise with USCC {uscc} is already on the list.");
}
