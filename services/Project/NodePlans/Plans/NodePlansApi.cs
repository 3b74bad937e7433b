using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.NodePlans.Plans;

/// <summary>A project's node plan: read it on any day, assign its owners (双轨包保), complete and re-plan its nodes.</summary>
public static partial class NodePlansApi
{
    public static IEndpointRouteBuilder MapNodePlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects/{id:guid}/nodes").WithTags("Node plans (节点计划)");
        api.MapGet("/", GetPlanAsync).WithName("GetNodePlan").AllowRoles(Roles.Staff)
            .WithSummary("The project's plan with each node's status and grade on asOf (default today); 404 before signing.");
        api.MapGet("/history", HistoryAsync).WithName("GetNodePlanHistory").AllowRoles(Roles.Staff)
            .WithSummary("Re-plans, assignments and completions: who, when, why, before and after.");
        api.MapPut("/responsibility", AssignResponsibilityAsync).WithName("AssignNodePlanResponsibility").AllowRoles(StaffTransitionsApi.Changers)
            .WithSummary("双轨包保: the project's responsible leader (包保领导) and department (责任单位); send the plan's version.");
        api.MapPut("/{nodeId:guid}/owner", AssignOwnerAsync).WithName("AssignNodeOwner").AllowRoles(StaffTransitionsApi.Changers)
            .WithSummary("The node's owner (a username and name) and department; send the node's version.");
        api.MapPost("/{nodeId:guid}/completion", CompleteAsync).WithName("CompleteNode").AllowRoles(StaffTransitionsApi.Changers)
            .WithSummary("Completes a node on a day with a note on its evidence; clears its warnings.");
        api.MapPost("/{nodeId:guid}/replan", ReplanAsync).WithName("ReplanNode").AllowRoles(StaffTransitionsApi.Changers)
            .WithSummary("Moves an open node's planned date, with the reason (kept in the history); the open nodes that hang on it keep their offsets and move with it; clears their warnings.");
        return app;
    }

    public sealed record NodeHistoryEntry(
        long Id, Guid? NodeId, string Action, string Actor, string? Reason, string? Before, string? After, DateTimeOffset OccurredAt);

    internal static async Task<Results<Ok<NodePlanView>, ValidationProblem, ProblemHttpResult>> GetPlanAsync(
        Guid id, DateOnly? asOf, ClaimsPrincipal user, Database database, WarningRule rule, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().CheckDate("asOf", asOf);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await VisibleAsync(connection, id, user) is { } refusal)
            return refusal;
        var plan = await ReadPlanAsync(connection, null, id, rule, asOf ?? clock.TodayInChina());
        return plan is null ? Problems.NotFound("NodePlan", id) : TypedResults.Ok(plan);
    }

    internal static async Task<Results<Ok<IReadOnlyList<NodeHistoryEntry>>, ProblemHttpResult>> HistoryAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await VisibleAsync(connection, id, user) is { } refusal)
            return refusal;
        var entries = await connection.QueryAsync<NodeHistoryEntry>(
            """
            SELECT id, node_id, action, actor, reason, before::text AS before, after::text AS after, occurred_at
            FROM project_node_history WHERE project_id = @id ORDER BY id
            """, new { id });
        return TypedResults.Ok<IReadOnlyList<NodeHistoryEntry>>(entries.AsList());
    }

    /// <summary>404 for a project the caller may not see, as for the project itself.</summary>
    private static async Task<ProblemHttpResult?> VisibleAsync(Npgsql.NpgsqlConnection connection, Guid id, ClaimsPrincipal user)
    {
        var project = await connection.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });
        return project is null || !Actor.From(user).CanSee(project.Scope) ? Problems.NotFound("Project", id) : null;
    }

    internal static async Task<NodePlanView?> ReadPlanAsync(
        Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction? transaction, Guid id, WarningRule rule, DateOnly asOf)
    {
        var plan = await connection.QuerySingleOrDefaultAsync<PlanRow>(
            "SELECT project_id, leader, leader_name, department, template_id, template_name, version FROM project_node_plans WHERE project_id = @id",
            new { id }, transaction);
        if (plan is null)
            return null;
        var nodes = await connection.QueryAsync<NodeRow>(NodeRow.Select + " WHERE project_id = @id ORDER BY position", new { id }, transaction);
        return new NodePlanView(plan.ProjectId, plan.Leader, plan.LeaderName, plan.Department, plan.TemplateId, plan.TemplateName,
            plan.Version, nodes.Select(n => n.ToView(rule, asOf)).ToList());
    }

    internal sealed class PlanRow
    {
        public Guid ProjectId { get; init; }
        public string? Leader { get; init; }
        public string? LeaderName { get; init; }
        public string? Department { get; init; }
        public Guid TemplateId { get; init; }
        public string TemplateName { get; init; } = "";
        public int Version { get; init; }
    }
}
