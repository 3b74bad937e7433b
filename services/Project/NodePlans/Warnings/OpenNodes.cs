using Dapper;
using Npgsql;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.Project.NodePlans.Plans;

namespace Zhaoshang.Project.NodePlans.Warnings;

/// <summary>An open node with its project and the plan's 包保领导, graded on a day.</summary>
public sealed record NodeItem(
    Guid ProjectId, string EnterpriseName, string District, string? Park, string? Leader, string? LeaderName, NodeView Node);

/// <summary>
/// The open nodes that can be other than green on a day: planned no later than the last day still within the yellow window
/// (so only those, by the open-nodes index, never every node), of projects not terminated.
/// </summary>
internal static class OpenNodes
{
    internal sealed class Row
    {
        public Guid ProjectId { get; init; }
        public string EnterpriseName { get; init; } = "";
        public string District { get; init; } = "";
        public string? Park { get; init; }
        public Guid? ParkId { get; init; }
        public string? Leader { get; init; }
        public string? LeaderName { get; init; }
        public NodeRow Node { get; init; } = null!;

        public RecordScope Scope => new(District, Park, ParkId);

        public NodeItem ToItem(WarningRule rule, DateOnly asOf) =>
            new(ProjectId, EnterpriseName, District, Park, Leader, LeaderName, Node.ToView(rule, asOf));
    }

    /// <summary>The last planned date that is yellow (or worse) on <paramref name="asOf"/>: the day before the working day past the window.</summary>
    public static DateOnly WindowEnd(DateOnly asOf, int yellowWithin, WorkCalendar calendar) =>
        calendar.AddWorkingDays(asOf, yellowWithin + 1).AddDays(-1);

    /// <summary>Open on <paramref name="asOf"/> (not completed by then), planned by <paramref name="plannedBy"/>, optionally of one person.</summary>
    public static async Task<IReadOnlyList<Row>> ReadAsync(
        NpgsqlConnection connection, DateOnly asOf, DateOnly? plannedBy, string? person = null, NpgsqlTransaction? transaction = null)
    {
        var rows = await connection.QueryAsync<Row, NodeRow, Row>(
            $"""
            SELECT p.id AS project_id, p.enterprise_name, p.district, k.name AS park, p.park_id, l.leader, l.leader_name,
                   {string.Join(", ", NodeRow.Columns.Split(',').Select(c => "n." + c.Trim()))}
            FROM project_nodes n
            JOIN projects p ON p.id = n.project_id
            JOIN project_node_plans l ON l.project_id = n.project_id
            LEFT JOIN parks k ON k.id = p.park_id
            WHERE (n.completed_on IS NULL OR n.completed_on > @asOf) AND p.state <> 'Terminated'
              AND (@plannedBy::date IS NULL OR n.planned_on <= @plannedBy)
              AND (@person::text IS NULL OR n.owner = @person OR l.leader = @person)
            ORDER BY n.planned_on, n.project_id, n.position
            """,
            (row, node) => new Row
            {
                ProjectId = row.ProjectId, EnterpriseName = row.EnterpriseName, District = row.District, Park = row.Park,
                ParkId = row.ParkId, Leader = row.Leader, LeaderName = row.LeaderName, Node = node,
            },
            new { asOf, plannedBy, person }, transaction, splitOn: "id");
        return rows.AsList();
    }
}
