using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Project.NodePlans.Warnings;

/// <summary>我的待办 and the nodes in warning on any day, graded from their planned and completed dates.</summary>
public static class NodeWarningsApi
{
    public static IEndpointRouteBuilder MapNodeWarningsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/nodes", MyNodesAsync).WithTags("Node plans (节点计划)").WithName("ListMyNodes").AllowRoles(Roles.Staff)
            .WithSummary("我的待办: the open nodes I own or lead (包保领导) on asOf (default today), with their grade, soonest first.");
        app.MapGet("/api/node-warnings", ListAsync).WithTags("Node plans (节点计划)").WithName("ListNodeWarnings").AllowRoles(Roles.Staff)
            .WithSummary("Open nodes graded yellow or worse on asOf, by district, park, owner and grade, soonest first.");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<NodeItem>>, ValidationProblem>> MyNodesAsync(
        DateOnly? asOf, ClaimsPrincipal user, Database database, WarningRule rule, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().CheckDate("asOf", asOf);
        if (!errors.IsValid)
            return errors.ToProblem();
        var actor = Actor.From(user);
        var day = asOf ?? clock.TodayInChina();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await OpenNodes.OfPersonAsync(connection, day, actor.Subject);
        return TypedResults.Ok<IReadOnlyList<NodeItem>>(rows.Where(r => actor.CanSee(r.Scope)).Select(r => r.ToItem(rule, day)).ToList());
    }

    internal static async Task<Results<Ok<Page<NodeItem>>, ValidationProblem>> ListAsync(
        DateOnly? asOf, string? district, string? park, string? owner, string? grade, int? page, int? pageSize, ClaimsPrincipal user,
        Database database, WarningRule rule, WarningOptions options, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var paging = new PageQuery(page, pageSize, null);
        var errors = paging.Validate(new ValidationErrors().CheckDate("asOf", asOf));
        if (grade is not null && !WarningGrades.All.Contains(grade))
            errors.Add("grade", $"'grade' is one of {string.Join(", ", WarningGrades.All)}.");
        if (!errors.IsValid)
            return errors.ToProblem();
        var day = asOf ?? clock.TodayInChina();
        await using var connection = await database.OpenAsync(cancellationToken);
        // The grade asked for (or every one but green) as a range of planned dates: filtered, counted and paged in SQL.
        var rows = await OpenNodes.PageAsync(connection, day, GradeCutoffs.On(day, options, calendar).Planned(grade), Actor.From(user),
            district, park, owner, paging);
        return TypedResults.Ok(rows.Select(r => r.ToItem(rule, day)));
    }
}
