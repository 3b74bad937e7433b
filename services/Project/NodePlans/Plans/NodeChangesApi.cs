using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.NodePlans.Fulfilment;

namespace Zhaoshang.Project.NodePlans.Plans;

/// <summary>Staff changes to a plan: each names the version it read (stale: 409), is audited and kept in the plan's history.</summary>
public static partial class NodePlansApi
{
    public sealed record ResponsibilityRequest(string? Leader, string? LeaderName, string? Department, int? Version);

    public sealed record OwnerRequest(string? Owner, string? OwnerName, string? Department, int? Version);

    public sealed record CompletionRequest(DateOnly? CompletedOn, string? Note, int? Version);

    public sealed record ReplanRequest(DateOnly? PlannedOn, string? Reason, int? Version);

    internal static async Task<Results<Ok<NodePlanView>, ValidationProblem, ProblemHttpResult>> AssignResponsibilityAsync(
        Guid id, ResponsibilityRequest request, ClaimsPrincipal user, Database database, WarningRule rule, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = Person("leader", request.Leader, "leaderName", request.LeaderName).RequireText("department", request.Department, 100);
        if (request.Version is null)
            errors.Add("version", "'version' is required: send the plan's version you read.");
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (_, refusal) = await ProjectLifecycle.FindForChangeAsync(work, id);
        if (refusal is not null)
            return refusal;
        var plan = await ReadPlanAsync(work.Connection, work.Transaction, id, rule, clock.TodayInChina());
        if (plan is null)
            return Problems.NotFound("NodePlan", id);
        if (plan.Version != request.Version)
            return Problems.Conflict("The plan was changed meanwhile.", $"It is at version {plan.Version}; reload it and try again.");
        var after = new { Leader = request.Leader?.Trim(), LeaderName = request.LeaderName?.Trim(), Department = request.Department!.Trim() };
        await work.ExecuteAsync(
            """
            UPDATE project_node_plans SET leader = @Leader, leader_name = @LeaderName, department = @Department, version = version + 1
            WHERE project_id = @id
            """, new { after.Leader, after.LeaderName, after.Department, id });
        var before = new { plan.Leader, plan.LeaderName, plan.Department };
        await NodeHistory.RecordAsync(work, id, null, "responsibility assigned", null, before, after, clock);
        await work.AuditAsync("NodePlan", id, "responsibility assigned", before, after);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok((await ReadPlanAsync(work.Connection, null, id, rule, clock.TodayInChina()))!);
    }

    internal static Task<Results<Ok<NodeView>, ValidationProblem, ProblemHttpResult>> AssignOwnerAsync(
        Guid id, Guid nodeId, OwnerRequest request, ClaimsPrincipal user, Database database, WarningRule rule, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = Person("owner", request.Owner, "ownerName", request.OwnerName);
        if (request.Department is { Length: > 100 })
            errors.Add("department", "'department' is at most 100 characters.");
        return ChangeNodeAsync(id, nodeId, request.Version, errors, user, database, rule, clock, cancellationToken, async (work, node) =>
        {
            var after = new { Owner = request.Owner?.Trim(), OwnerName = request.OwnerName?.Trim(), Department = request.Department?.Trim() ?? node.Department };
            await work.ExecuteAsync(
                "UPDATE project_nodes SET owner = @Owner, owner_name = @OwnerName, department = @Department, version = version + 1 WHERE id = @nodeId",
                new { after.Owner, after.OwnerName, after.Department, nodeId });
            return NodeOutcome.Changed("owner assigned", null, new { node.Owner, node.OwnerName, node.Department }, after);
        });
    }

    internal static Task<Results<Ok<NodeView>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        Guid id, Guid nodeId, CompletionRequest request, ClaimsPrincipal user, Database database, WarningRule rule, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireDate("completedOn", request.CompletedOn).RequireText("note", request.Note, 2000);
        if (request.CompletedOn > clock.TodayInChina())
            errors.Add("completedOn", "'completedOn' cannot be in the future.");
        return ChangeNodeAsync(id, nodeId, request.Version, errors, user, database, rule, clock, cancellationToken, async (work, node) =>
        {
            if (node.CompletedOn is not null)
                return NodeOutcome.Refused(Problems.Conflict("The node is complete.", $"{node.Name} was completed on {node.CompletedOn:yyyy-MM-dd} by {node.CompletedBy}."));
            await work.ExecuteAsync(
                "UPDATE project_nodes SET completed_on = @CompletedOn, completed_by = @By, note = @Note, version = version + 1 WHERE id = @nodeId",
                new { request.CompletedOn, By = work.Actor.Subject, Note = request.Note!.Trim(), nodeId });
            await NodeNotices.ClearAsync(work, nodeId, "节点已完成", clock);
            return NodeOutcome.Changed("completed", request.Note!.Trim(), new { node.CompletedOn }, new { request.CompletedOn });
        });
    }

    internal static Task<Results<Ok<NodeView>, ValidationProblem, ProblemHttpResult>> ReplanAsync(
        Guid id, Guid nodeId, ReplanRequest request, ClaimsPrincipal user, Database database, WarningRule rule, WorkCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireDate("plannedOn", request.PlannedOn).RequireText("reason", request.Reason, 2000);
        return ChangeNodeAsync(id, nodeId, request.Version, errors, user, database, rule, clock, cancellationToken, async (work, node) =>
        {
            if (node.CompletedOn is not null)
                return NodeOutcome.Refused(Problems.Conflict("The node is complete.", $"{node.Name} was completed on {node.CompletedOn:yyyy-MM-dd}; a complete node keeps its plan."));
            await work.ExecuteAsync(
                "UPDATE project_nodes SET planned_on = @PlannedOn, version = version + 1 WHERE id = @nodeId", new { request.PlannedOn, nodeId });
            await NodeNotices.ClearAsync(work, nodeId, "节点已重新计划", clock, request.PlannedOn);
            var followed = await ReplanFollowers.MoveAsync(work, id, node, request.PlannedOn!.Value, request.Reason!.Trim(), calendar, clock);
            return NodeOutcome.Changed("replanned", request.Reason!.Trim(), new { node.PlannedOn }, new { request.PlannedOn, Followed = followed });
        });
    }

    private static ValidationErrors Person(string field, string? username, string nameField, string? name)
    {
        var errors = new ValidationErrors().RequireText(field, username, 64);
        return name is { Length: > 50 } ? errors.Add(nameField, $"'{nameField}' is at most 50 characters.") : errors;
    }
}
