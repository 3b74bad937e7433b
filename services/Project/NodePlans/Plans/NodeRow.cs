using Zhaoshang.Platform.Warnings;

namespace Zhaoshang.Project.NodePlans.Plans;

/// <summary>A node as staff see it, graded on the day asked about.</summary>
public sealed record NodeView(
    Guid Id, string Phase, string Step, string Code, string Name, string? Owner, string? OwnerName, string? Department,
    string Anchor, int OffsetWorkingDays, DateOnly PlannedOn, DateOnly? CompletedOn, string? CompletedBy, string? FulfilledBy,
    IReadOnlyList<string> EvidenceRequired, string? Note, string Status, string Grade, int WorkingDays, int Version);

/// <summary>A project's plan: its 双轨包保 (leader and department), the template it came from, and its nodes.</summary>
public sealed record NodePlanView(
    Guid ProjectId, string? Leader, string? LeaderName, string? Department, Guid TemplateId, string Template, int Version,
    IReadOnlyList<NodeView> Nodes);

/// <summary>The <c>project_nodes</c> row.</summary>
internal sealed class NodeRow
{
    public const string Columns =
        """
        id, project_id, position, phase, step, code, name, owner, owner_name, department, anchor, offset_working_days, planned_on,
        completed_on, completed_by, fulfilled_by, evidence_required, note, version
        """;

    public const string Select = "SELECT " + Columns + " FROM project_nodes";

    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public int Position { get; init; }
    public string Phase { get; init; } = "";
    public string Step { get; init; } = "";
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Owner { get; init; }
    public string? OwnerName { get; init; }
    public string? Department { get; init; }
    public string Anchor { get; init; } = "";
    public int OffsetWorkingDays { get; init; }
    public DateOnly PlannedOn { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public string? CompletedBy { get; init; }
    public string? FulfilledBy { get; init; }
    public string[] EvidenceRequired { get; init; } = [];
    public string? Note { get; init; }
    public int Version { get; init; }

    public NodeView ToView(WarningRule rule, DateOnly asOf)
    {
        var (status, grade, days) = NodeGrading.On(this, rule, asOf);
        return new(Id, Phase, Step, Code, Name, Owner, OwnerName, Department, Anchor, OffsetWorkingDays, PlannedOn, CompletedOn,
            CompletedBy, FulfilledBy, EvidenceRequired, Note, status, grade, days, Version);
    }
}

/// <summary>A node's standing on a day from its planned and completed dates: done (green) once completed by then.</summary>
public static class NodeGrading
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Green = "green";

    internal static (string Status, string Grade, int WorkingDays) On(NodeRow node, WarningRule rule, DateOnly asOf) =>
        On(node.PlannedOn, node.CompletedOn, rule, asOf);

    public static (string Status, string Grade, int WorkingDays) On(DateOnly plannedOn, DateOnly? completedOn, WarningRule rule, DateOnly asOf)
    {
        if (completedOn is { } done && done <= asOf)
            return (Done, Green, 0);
        var standing = rule.On(plannedOn, asOf);
        return (Pending, standing.Grade ?? Green, standing.WorkingDays);
    }
}
