using System.Text.RegularExpressions;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Project.NodePlans.Fulfilment;

namespace Zhaoshang.Project.NodePlans.Templates;

/// <summary>
/// What makes a template usable: named phases, steps and nodes; unique node codes; each anchor <c>signed</c> or an
/// earlier node (so dates can be computed in order and no anchors loop); known fulfilling events; known sectors.
/// </summary>
public static partial class TemplateRules
{
    public const string SignedAnchor = "signed";
    public const int MaxOffset = 2000;
    public const int MaxNodes = 200;

    public static ValidationErrors Check(string? name, IReadOnlyList<string>? sectors, IReadOnlyList<TemplatePhase>? phases)
    {
        var errors = new ValidationErrors().RequireText("name", name, 100);
        if (sectors is not null && sectors.Any(s => !ProjectSectors.All.Contains(s)))
            errors.Add("sectors", $"'sectors' may name only {string.Join(", ", ProjectSectors.All)}.");
        if (phases is null || phases.Count == 0)
            return errors.Add("phases", "'phases' needs at least one phase.");
        if (phases.Sum(p => p?.Steps?.Sum(s => s?.Nodes?.Count ?? 0) ?? 0) > MaxNodes)
            return errors.Add("phases", $"'phases' hold at most {MaxNodes} nodes in all.");
        var codes = new HashSet<string>();
        for (var p = 0; p < phases.Count; p++)
        {
            var phase = $"phases[{p}]";
            if (phases[p] is null)
            {
                errors.Add(phase, $"'{phase}' is a phase, not null.");
                continue;
            }

            errors.RequireText($"{phase}.name", phases[p].Name, 50);
            var steps = phases[p].Steps ?? [];
            if (steps.Count == 0)
                errors.Add($"{phase}.steps", $"'{phase}.steps' needs at least one step.");
            for (var s = 0; s < steps.Count; s++)
            {
                var step = $"{phase}.steps[{s}]";
                if (steps[s] is null)
                {
                    errors.Add(step, $"'{step}' is a step, not null.");
                    continue;
                }

                errors.RequireText($"{step}.name", steps[s].Name, 50);
                var nodes = steps[s].Nodes ?? [];
                if (nodes.Count == 0)
                    errors.Add($"{step}.nodes", $"'{step}.nodes' needs at least one node.");
                for (var n = 0; n < nodes.Count; n++)
                    CheckNode(errors, $"{step}.nodes[{n}]", nodes[n], codes);
            }
        }

        return errors;
    }

    private static void CheckNode(ValidationErrors errors, string field, TemplateNode? node, HashSet<string> earlier)
    {
        if (node is null)
        {
            errors.Add(field, $"'{field}' is a node, not null.");
            return;
        }

        if (node.Code is null || !CodePattern().IsMatch(node.Code) || node.Code == SignedAnchor)
            errors.Add($"{field}.code", $"'{field}.code' is 1 to 40 lowercase letters, digits or '-', not 'signed'.");
        else if (earlier.Contains(node.Code))
            errors.Add($"{field}.code", $"'{field}.code' {node.Code} is used by another node.");
        errors.RequireText($"{field}.name", node.Name, 100);
        if (node.Department is { Length: > 100 })
            errors.Add($"{field}.department", $"'{field}.department' is at most 100 characters.");
        if (node.Anchor != SignedAnchor && (node.Anchor is null || !earlier.Contains(node.Anchor)))
            errors.Add($"{field}.anchor", $"'{field}.anchor' is 'signed' or the code of an earlier node.");
        if (node.OffsetWorkingDays is null or < 0 or > MaxOffset)
            errors.Add($"{field}.offsetWorkingDays", $"'{field}.offsetWorkingDays' is 0 to {MaxOffset} working days.");
        if (node.EvidenceRequired is { } evidence && (evidence.Count > 20 || evidence.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > 100)))
            errors.Add($"{field}.evidenceRequired", $"'{field}.evidenceRequired' names up to 20 documents of 1 to 100 characters.");
        if (node.FulfilledBy is not null && (FactKeys.Alternatives(node.FulfilledBy) is not { Length: > 0 } keys || !keys.All(FactKeys.IsKnown)))
            errors.Add($"{field}.fulfilledBy",
                $"'{field}.fulfilledBy' is null or event keys separated by '|': signed, registered, land, construction-start, production, approval:<item code>.");
        if (node.Code is not null)
            earlier.Add(node.Code);
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex CodePattern();
}
