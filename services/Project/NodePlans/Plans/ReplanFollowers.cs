using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Project.NodePlans.Fulfilment;

namespace Zhaoshang.Project.NodePlans.Plans;

/// <summary>
/// The open nodes that hang on a re-planned node move with it (<see cref="PlanDating.Follow"/>), in the re-plan's
/// transaction: each with its own history entry under the same reason, and its warnings ended unless still owed.
/// </summary>
internal static class ReplanFollowers
{
    public static async Task<IReadOnlyList<object>> MoveAsync(
        UnitOfWork work, Guid projectId, NodeRow moved, DateOnly plannedOn, string reason, WorkCalendar calendar, TimeProvider clock)
    {
        var nodes = (await work.QueryAsync<NodeRow>(
            NodeRow.Select + " WHERE project_id = @projectId ORDER BY position FOR UPDATE", new { projectId })).ToList();
        var changed = PlanDating.Follow(
            nodes.Select(n => new PlannedNode(n.Code, n.Anchor, n.OffsetWorkingDays, n.PlannedOn, n.CompletedOn)), moved.Code, plannedOn, calendar);
        var followed = new List<object>();
        foreach (var node in nodes.Where(n => changed.ContainsKey(n.Code)))
        {
            var day = changed[node.Code];
            await work.ExecuteAsync("UPDATE project_nodes SET planned_on = @day, version = version + 1 WHERE id = @Id", new { day, node.Id });
            await NodeHistory.RecordAsync(work, projectId, node.Id, "moved with its anchor", reason,
                new { node.PlannedOn }, new { PlannedOn = day, Anchor = node.Anchor }, clock);
            await NodeNotices.ClearAsync(work, node.Id, "节点随前置节点重新计划", clock, day);
            followed.Add(new { node.Code, From = node.PlannedOn, To = day });
        }

        return followed;
    }
}
