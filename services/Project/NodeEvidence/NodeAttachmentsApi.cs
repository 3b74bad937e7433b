using Dapper;
using Npgsql;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.NodeEvidence;

/// <summary>
/// A plan node's evidence (佐证材料: what its owner completes it with), in the plan's history (the project's NodePlan
/// trail) when uploaded or downloaded.
/// </summary>
public static class NodeAttachmentsApi
{
    public static IEndpointRouteBuilder MapNodeAttachmentsApi(this IEndpointRouteBuilder app) =>
        app.MapAttachments("/api/projects/{projectId:guid}/nodes/{nodeId:guid}", "Node", "plan node", "Node plans (节点计划)",
            FindNodeAsync, Roles.Staff, StaffTransitionsApi.Changers);

    private sealed record NodeScope(Guid Id, Guid ProjectId, string District, string? Park, Guid? ParkId);

    private static async Task<AttachableRecord?> FindNodeAsync(NpgsqlConnection connection, RouteValueDictionary route)
    {
        var node = await connection.QuerySingleOrDefaultAsync<NodeScope>(
            """
            SELECT n.id, n.project_id, p.district, (SELECT name FROM parks WHERE parks.id = p.park_id) AS park, p.park_id
            FROM project_nodes n JOIN projects p ON p.id = n.project_id
            WHERE n.id = @nodeId AND n.project_id = @projectId
            """,
            new { nodeId = route.Id("nodeId"), projectId = route.Id("projectId") });
        return node is null ? null
            : new AttachableRecord(node.Id, new RecordScope(node.District, node.Park, node.ParkId), "NodePlan", node.ProjectId);
    }
}
