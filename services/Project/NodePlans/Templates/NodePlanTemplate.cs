using System.Text.Json;

namespace Zhaoshang.Project.NodePlans.Templates;

/// <summary>
/// One node of a template. <see cref="Anchor"/> is <c>signed</c> (the signing day) or the code of an earlier node; the
/// node is planned <see cref="OffsetWorkingDays"/> working days after its anchor's planned date. <see cref="FulfilledBy"/>
/// names the event that completes it by itself (alternatives separated by <c>|</c>), or null when its owner completes it.
/// </summary>
public sealed record TemplateNode(
    string? Code, string? Name, string? Department, string? Anchor, int? OffsetWorkingDays, IReadOnlyList<string>? EvidenceRequired,
    string? FulfilledBy);

public sealed record TemplateStep(string? Name, IReadOnlyList<TemplateNode>? Nodes);

public sealed record TemplatePhase(string? Name, IReadOnlyList<TemplateStep>? Steps);

/// <summary>A node plan template (节点计划模板): phases → steps → nodes, for the sectors it names; one is the default.</summary>
public sealed record NodePlanTemplate(
    Guid Id, string Name, IReadOnlyList<string> Sectors, bool IsDefault, IReadOnlyList<TemplatePhase> Phases, int Version)
{
    /// <summary>Every node in plan order, with its phase and step.</summary>
    public IEnumerable<(string Phase, string Step, TemplateNode Node)> Nodes() =>
        from phase in Phases
        from step in phase.Steps ?? []
        from node in step.Nodes ?? []
        select (phase.Name!, step.Name!, node);
}

/// <summary>The <c>node_plan_templates</c> row.</summary>
internal sealed class TemplateRow
{
    public const string Select = "SELECT id, name, sectors, is_default, phases::text AS phases, version FROM node_plan_templates";

    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string[] Sectors { get; init; } = [];
    public bool IsDefault { get; init; }
    public string Phases { get; init; } = "[]";
    public int Version { get; init; }

    public NodePlanTemplate ToTemplate() => new(
        Id, Name, Sectors, IsDefault, JsonSerializer.Deserialize<TemplatePhase[]>(Phases, JsonSerializerOptions.Web) ?? [], Version);
}
