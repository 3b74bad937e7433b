using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.NodePlans.Fulfilment;
using Zhaoshang.Project.NodePlans.Plans;

namespace Zhaoshang.Project.Import;

/// <summary>
/// An imported project's node plan past its stage. The stages with a day in the 台账 completed their nodes as facts do
/// (<see cref="NodeFacts"/>, as a message would); every other node up to the furthest stage reached — the approvals,
/// 注册 which the 台账 gives no day — was passed outside the system: completed as 存量导入 by the importer, on the day of
/// the next node done after it (it happened no later), or the import's day. The open nodes then hang on those days, as a
/// re-plan would move them, so a plan signed years ago does not warn about what was done meanwhile.
/// </summary>
internal static class ImportedNodes
{
    public const string Note = "存量导入";

    public static async Task RecordFactsAsync(UnitOfWork work, Guid projectId, ImportedProject project, TimeProvider clock)
    {
        await NodeFacts.RecordAsync(work, projectId, FactKeys.Signed, project.SignedOn, clock);
        foreach (var (stage, on) in project.StagesAfterSigning())
            if (on is { } day && FactKeys.ForState(stage) is { } key)
                await NodeFacts.RecordAsync(work, projectId, key, day, clock);
    }

    public static async Task CompletePassedAsync(
        UnitOfWork work, Guid projectId, ImportedProject project, WorkCalendar calendar, TimeProvider clock)
    {
        var reached = project.StagesAfterSigning().Select(s => FactKeys.ForState(s.Stage)).Append(FactKeys.Signed).ToHashSet();
        var nodes = (await work.QueryAsync<NodeRow>(
            NodeRow.Select + " WHERE project_id = @projectId ORDER BY position FOR UPDATE", new { projectId })).ToList();
        var last = nodes.FindLastIndex(n => FactKeys.Alternatives(n.FulfilledBy).Any(reached.Contains));
        DateOnly? later = null;
        for (var i = last; i >= 0; i--)
        {
            var node = nodes[i];
            if (node.CompletedOn is { } done)
            {
                later = later < done ? later : done;
                continue;
            }

            var on = later ?? clock.TodayInChina();
            await work.ExecuteAsync(
                "UPDATE project_nodes SET completed_on = @on, completed_by = @Subject, note = @Note, version = version + 1 WHERE id = @Id",
                new { on, work.Actor.Subject, Note, node.Id });
            await NodeHistory.RecordAsync(work, projectId, node.Id, "completed as imported", Note, new { node.CompletedOn }, new { CompletedOn = on }, clock);
            later = on;
        }

        foreach (var node in (await work.QueryAsync<NodeRow>(
                     NodeRow.Select + " WHERE project_id = @projectId AND completed_on IS NOT NULL ORDER BY position", new { projectId })).ToList())
            await ReplanFollowers.MoveAsync(work, projectId, node, node.CompletedOn!.Value, Note, calendar, clock);
    }
}
