using Dapper;
using Npgsql;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Approval.Cases;

/// <summary>An item's application materials and certificates (申报材料, 批复), in the item's history.</summary>
public static class ApprovalItemAttachmentsApi
{
    public static IEndpointRouteBuilder MapApprovalItemAttachmentsApi(this IEndpointRouteBuilder app) =>
        app.MapAttachments("/api/projects/{projectId:guid}/approval-case/items/{itemCode}", "ApprovalItem", "approval item",
            "Approval cases (审批)", FindItemAsync, ApprovalCasesApi.Readers, ApprovalItemsApi.Changers);

    private sealed record ItemScope(Guid Id, string District, string Park, Guid? ParkId);

    private static async Task<AttachableRecord?> FindItemAsync(NpgsqlConnection connection, RouteValueDictionary route)
    {
        var item = await connection.QuerySingleOrDefaultAsync<ItemScope>(
            """
            SELECT i.id, c.district, COALESCE(p.name, c.park) AS park, c.park_id
            FROM approval_items i JOIN approval_cases c ON c.id = i.case_id LEFT JOIN parks p ON p.id = c.park_id
            WHERE c.project_id = @projectId AND i.code = @itemCode
            """,
            new { projectId = route.Id("projectId"), itemCode = route.Text("itemCode") });
        return item is null ? null : new AttachableRecord(item.Id, new RecordScope(item.District, item.Park, item.ParkId), "ApprovalItem", item.Id);
    }
}
