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
}
