using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Lifecycle;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects (项目)");
        api.MapGet("/{id:guid}", GetProjectAsync).WithName("GetProject").AllowRoles(Roles.Staff);
        api.MapGet("/{id:guid}/timeline", GetTimelineAsync).WithName("GetProjectTimeline").AllowRoles(Roles.Staff)
            .WithSummary("Every state change: who, when, from, to, why, and the trace id.");
        return app;
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
