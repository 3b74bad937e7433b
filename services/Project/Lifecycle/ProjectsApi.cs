using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Lifecycle;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTag("Projects (项目)",
            "The project lifecycle from 在谈 through 签约, 注册, 拿地 and 开工 to 投产, with stalls, terminations and transfers, and its timeline.");
        api.MapGet("/", ListProjectsAsync).WithName("ListProjects").AllowRoles(Roles.Staff)
            .WithSummary("Lists projects by state, district, park and industry; district and park staff see their own.");
        api.MapGet("/{id:guid}", GetProjectAsync).WithName("GetProject").AllowRoles(Roles.Staff)
            .WithSummary("The project: its state, what each stage added, and the next step.");
        api.MapGet("/{id:guid}/timeline", GetTimelineAsync).WithName("GetProjectTimeline").AllowRoles(Roles.Staff)
            .WithSummary("Every state change: who, when, from, to, why, and the trace id.");
        return app;
    }

    /// <summary>Each sort's order, ties by creation: each comes off an index (city-wide and by district, 0013 and 0016).</summary>
    private static readonly Dictionary<string, string> ListOrders = new()
    {
        ["createdAt"] = "created_at, id", ["-createdAt"] = "created_at DESC, id",
        ["signedOn"] = "signed_on, created_at, id", ["-signedOn"] = "signed_on DESC NULLS LAST, created_at, id",
        ["contractedInvestment"] = "contracted_investment, created_at, id",
        ["-contractedInvestment"] = "contracted_investment DESC NULLS LAST, created_at, id",
    };

    internal static async Task<Results<Ok<Page<ProjectView>>, ValidationProblem>> ListProjectsAsync(
        [AsParameters] ProjectFilter filter, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var page = new PageQuery(filter.Page, filter.PageSize, filter.Sort);
        var errors = page.Validate(new ValidationErrors(), "signedOn", "contractedInvestment", "createdAt");
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        var order = page.OrderBy(ListOrders, "createdAt");
        // The page's keys first, index-only however deep the page, then only its rows read whole.
        var projects = await connection.QueryPageAsync<ProjectRow>(
            $"""
            {ProjectRow.Select}
            JOIN (SELECT id FROM projects
                  {ProjectFilter.Where}
                  {order} LIMIT @Size OFFSET @Offset) page USING (id)
            {order}
            """,
            "SELECT count(*) FROM projects\n" + ProjectFilter.Where,
            filter.Arguments(Actor.From(user), new { page.Size, page.Offset }), page);
        return TypedResults.Ok(projects.Select(r => r.ToView()));
    }


    internal static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> GetProjectAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        return row is null || !Actor.From(user).CanSee(row.Scope) ? Problems.NotFound("Project", id) : TypedResults.Ok(row.ToView());
    }

    internal static async Task<Results<Ok<IReadOnlyList<Timeline.Entry>>, ProblemHttpResult>> GetTimelineAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        if (row is null || !Actor.From(user).CanSee(row.Scope))
            return Problems.NotFound("Project", id);
        return TypedResults.Ok(await Timeline.ReadAsync(connection, id));
    }
}
