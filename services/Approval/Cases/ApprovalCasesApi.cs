using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Auditing;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Approval.Cases;

public static class ApprovalCasesApi
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.District, Roles.Park, Roles.Auditor];

    public static IEndpointRouteBuilder MapApprovalCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTag("Approval cases (审批)",
            "Each signed project's approval items: parallel review (并联审批), 容缺受理, the green channel, 四证齐发 and overdue items.");
        api.MapGet("/projects/{projectId:guid}/approval-case", GetApprovalCaseAsync).WithName("GetApprovalCase").AllowRoles(Readers)
            .WithSummary("The project's approval case: its profile, green channel and every item with its status and due date.");
        api.MapGet("/projects/{projectId:guid}/approval-case/items/{code}/history", GetItemHistoryAsync)
            .WithName("GetApprovalItemHistory").AllowRoles(Readers)
            .WithSummary("Every step of one item: opened, accepted with deficiency, suspended, resumed, decided, issued.");
        return app;
    }

    public sealed record ApprovalCaseView(ApprovalCase Case, IReadOnlyList<ApprovalItem> Items);

    internal static async Task<Results<Ok<ApprovalCaseView>, ProblemHttpResult>> GetApprovalCaseAsync(
        Guid projectId, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var approvalCase = await connection.QuerySingleOrDefaultAsync<ApprovalCase>(
            $"{ApprovalCase.Select} WHERE c.project_id = @projectId", new { projectId });
        if (approvalCase is null || !Actor.From(user).CanSee(approvalCase.Scope))
            return Problems.NotFound("Approval case of project", projectId);
        var items = await connection.QueryAsync<ApprovalItem>(
            $"SELECT {ApprovalItem.Columns} FROM approval_items WHERE case_id = @Id ORDER BY land_dependent, stage, code",
            new { approvalCase.Id });
        return TypedResults.Ok(new ApprovalCaseView(approvalCase, items.AsList()));
    }

    internal static async Task<Results<Ok<IReadOnlyList<AuditApi.AuditEntry>>, ProblemHttpResult>> GetItemHistoryAsync(
        Guid projectId, string code, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var item = await connection.QuerySingleOrDefaultAsync<ItemScope>(
            """
            SELECT i.id, c.district, COALESCE(p.name, c.park) AS park, c.park_id
            FROM approval_items i JOIN approval_cases c ON c.id = i.case_id LEFT JOIN parks p ON p.id = c.park_id
            WHERE c.project_id = @projectId AND i.code = @code
            """,
            new { projectId, code });
        if (item is null || !Actor.From(user).CanSee(new RecordScope(item.District, item.Park, item.ParkId)))
            return Problems.NotFound($"Approval item '{code}' of project", projectId);
        return TypedResults.Ok(await AuditApi.ReadTrailAsync(connection, item.Id));
    }

    private sealed record ItemScope(Guid Id, string District, string Park, Guid? ParkId);
}
