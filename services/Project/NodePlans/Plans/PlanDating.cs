using Zhaoshang.Platform.Calendar;
using Zhaoshang.Project.NodePlans.Templates;

namespace Zhaoshang.Project.NodePlans.Plans;

/// <summary>A node's planned date: its anchor's planned date (the signing day for <c>signed</c>) plus its offset in working days.</summary>
public static class PlanDating
{
    /// <summary>Node code → planned date, in template order (anchors always name earlier nodes, see <see cref="TemplateRules"/>).</summary>
    public static IReadOnlyDictionary<string, DateOnly> Date(IEnumerable<TemplateNode> nodes, DateOnly signedOn, WorkCalendar calendar)
    {
        var planned = new Dictionary<string, DateOnly>();
        foreach (var node in nodes)
        {
            var anchor = node.Anchor == TemplateRules.SignedAnchor ? signedOn
                : planned.TryGetValue(node.Anchor!, out var day) ? day
                : throw new InvalidOperationException($"Node {node.Code} is anchored on {node.Anchor}, which does not come before it.");
            planned[node.Code!] = calendar.AddWorkingDays(anchor, node.OffsetWorkingDays ?? 0);
        }

        return planned;
    }

    /// <summary>
    /// A re-plan carries the plan with it: the open nodes anchored on <paramref name="moved"/>, directly or through other
    /// open nodes, keep their offset from their anchor's new date. A complete node stays where it is and so does what hangs
    /// on it. Node code → new planned date, for the nodes whose date changes (<paramref name="moved"/> not among them).
    /// </summary>
    public static IReadOnlyDictionary<string, DateOnly> Follow(
        IEnumerable<PlannedNode> nodesInOrder, string moved, DateOnly plannedOn, WorkCalendar calendar)
    {
        var movedTo = new Dictionary<string, DateOnly> { [moved] = plannedOn };
        var changed = new Dictionary<string, DateOnly>();
        foreach (var node in nodesInOrder)
        {
            if (node.Code == moved || node.CompletedOn is not null || !movedTo.TryGetValue(node.Anchor, out var anchorDay))
                continue;
            var day = calendar.AddWorkingDays(anchorDay, node.OffsetWorkingDays);
            movedTo[node.Code] = day;
            if (day != node.PlannedOn)
                changed[node.Code] = day;
        }

        return changed;
    }
}

/// <summary>What re-planning needs of a node: where it hangs, how far after, when it is planned and whether it is done.</summary>
public sealed record PlannedNode(string Code, string Anchor, int OffsetWorkingDays, DateOnly PlannedOn, DateOnly? CompletedOn);
