using Dapper;
using Npgsql;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Paging;
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

    /// <summary>Open on <paramref name="asOf"/> (not completed by then) and planned by <paramref name="plannedBy"/>.</summary>
    public static Task<IReadOnlyList<Row>> PlannedByAsync(NpgsqlConnection connection, DateOnly asOf, DateOnly plannedBy) =>
        ReadAsync(connection, "planned_on <= @plannedBy", new { asOf, plannedBy });

    /// <summary>Open on <paramref name="asOf"/>, owned by <paramref name="person"/> or of a plan they lead (包保领导).</summary>
    public static Task<IReadOnlyList<Row>> OfPersonAsync(NpgsqlConnection connection, DateOnly asOf, string person) =>
        // ARRAY(…) is computed once, so both halves of the OR can come off an index (owner's, and the project's nodes).
        ReadAsync(connection, "(owner = @person OR project_id = ANY (ARRAY(SELECT project_id FROM project_node_plans WHERE leader = @person)))",
            new { asOf, person });

    /// <summary>
    /// The page of open nodes on <paramref name="asOf"/> planned within <paramref name="planned"/> that <paramref name="actor"/>
    /// may see, of projects not terminated, narrowed by district, park (by name) and owner, in planned order, and how many
    /// there are. The page's keys come off the open nodes' index in order (the project checked by its key as they come), the
    /// count is index-only; only the page's rows are read whole.
    /// </summary>
    public static Task<Page<Row>> PageAsync(
        NpgsqlConnection connection, DateOnly asOf, (DateOnly From, DateOnly To) planned, Actor actor, string? district,
        string? park, string? owner, PageQuery page)
    {
        var parameters = new
        {
            asOf, planned.From, planned.To, district, park, owner, page.Size, page.Offset,
            // As Actor.CanSee: district and park staff see their own (park by name or id), and without a claim nothing.
            actor.OwnDistrict, OwnPark = actor.Role == Roles.Park ? actor.Park ?? "" : null,
        };
        return connection.QueryPageAsync<Row, NodeRow, Row>(
            $"""
            WITH page AS (
                (SELECT n.id, n.planned_on, n.project_id, n.position FROM project_nodes n JOIN projects p ON p.id = n.project_id
                 WHERE n.completed_on IS NULL AND {Listed} ORDER BY n.planned_on, n.project_id, n.position LIMIT @Size + @Offset)
                UNION ALL
                (SELECT n.id, n.planned_on, n.project_id, n.position FROM project_nodes n JOIN projects p ON p.id = n.project_id
                 WHERE n.completed_on > @asOf AND {Listed} ORDER BY n.planned_on, n.project_id, n.position LIMIT @Size + @Offset)
                ORDER BY planned_on, project_id, position LIMIT @Size OFFSET @Offset)
            {Select}
            FROM page JOIN project_nodes n ON n.id = page.id
            {Joins}
            ORDER BY page.planned_on, page.project_id, page.position
            """,
            $"""
            SELECT count(*) FROM (
                SELECT project_id, planned_on, owner FROM project_nodes WHERE completed_on IS NULL
                UNION ALL
                SELECT project_id, planned_on, owner FROM project_nodes WHERE completed_on > @asOf) n
            JOIN projects p ON p.id = n.project_id
            WHERE {Listed}
            """,
            Map, parameters, page, splitOn: "id");
    }

    // A node's plan is made with it, in one transaction: the inner join to the plan drops none, so the count need not read plans.
    private const string Listed =
        """
        n.planned_on BETWEEN @From AND @To AND p.state <> 'Terminated'
          AND (@OwnDistrict::text IS NULL OR p.district = @OwnDistrict)
          AND (@OwnPark::text IS NULL OR p.park_id IN (SELECT id FROM parks WHERE name = @OwnPark OR id::text = @OwnPark))
          AND (@district::text IS NULL OR p.district = @district)
          AND (@park::text IS NULL OR p.park_id IN (SELECT id FROM parks WHERE name = @park))
          AND (@owner::text IS NULL OR n.owner = @owner)
        """;

    private static readonly string Select =
        $"""
        SELECT p.id AS project_id, p.enterprise_name, p.district, k.name AS park, p.park_id, l.leader, l.leader_name,
               {string.Join(", ", NodeRow.Columns.Split(',').Select(c => "n." + c.Trim()))}
        """;

    private const string Joins =
        """
        JOIN projects p ON p.id = n.project_id
        JOIN project_node_plans l ON l.project_id = n.project_id
        LEFT JOIN parks k ON k.id = p.park_id
        """;

    private static Row Map(Row row, NodeRow node) => new()
    {
        ProjectId = row.ProjectId, EnterpriseName = row.EnterpriseName, District = row.District, Park = row.Park,
        ParkId = row.ParkId, Leader = row.Leader, LeaderName = row.LeaderName, Node = node,
    };

    /// <summary>
    /// Open on a day is "not completed, or completed after it": one branch each, so the usual day (today) reads the
    /// open nodes' partial indexes and only a past day reads, by completion day, the nodes completed since.
    /// </summary>
    private static async Task<IReadOnlyList<Row>> ReadAsync(NpgsqlConnection connection, string which, object parameters)
    {
        var rows = await connection.QueryAsync<Row, NodeRow, Row>(
            $"""
            WITH n AS (
                SELECT {NodeRow.Columns} FROM project_nodes WHERE completed_on IS NULL AND {which}
                UNION ALL
                SELECT {NodeRow.Columns} FROM project_nodes WHERE completed_on > @asOf AND {which})
            {Select}
            FROM n
            {Joins}
            WHERE p.state <> 'Terminated'
            ORDER BY n.planned_on, n.project_id, n.position
            """,
            Map, parameters, splitOn: "id");
        return rows.AsList();
    }
}
