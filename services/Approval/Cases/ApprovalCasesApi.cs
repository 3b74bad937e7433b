using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Platform.Auditing;
using Zhaoshang.Platform.Calendar;
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
        api.MapGet("/approval-items/overdue", ListOverdueItemsAsync).WithName("ListOverdueApprovalItems").AllowRoles(Readers)
            .WithSummary("Items past their (green-channel) limit without a decision; asOf (a date) looks at another day.");
        return app;
    }

    public sealed record ApprovalCaseView(ApprovalCase Case, IReadOnlyList<ApprovalItem> Items);

    public sealed record OverdueItem(Guid ProjectId, string District, string Park, Guid? ParkId, ApprovalItem Item, int WorkingDaysLate);

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

    internal static async Task<Results<Ok<IReadOnlyList<OverdueItem>>, ValidationProblem>> ListOverdueItemsAsync(
        DateOnly? asOf, ClaimsPrincipal user, Database database, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (new ValidationErrors().CheckDate("asOf", asOf) is { IsValid: false } errors)
            return errors.ToProblem();
        var day = asOf ?? clock.TodayInChina();
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OverdueItem>>(Overdue(connection, day, Actor.From(user), calendar, buffered: true).ToList());
    }

    /// <summary>
    /// The items overdue on <paramref name="day"/> that the actor may see, longest late first: the scope in SQL (district
    /// staff their district's, park staff their park's by name or id, as <see cref="Actor.CanSee"/> decides), so that no
    /// other district's rows are read at all.
    /// </summary>
    internal static IEnumerable<OverdueItem> Overdue(NpgsqlConnection connection, DateOnly day, Actor actor, WorkCalendar calendar, bool buffered) =>
        connection.Query<CaseScope, ApprovalItem, OverdueItem>(
            $"""
            SELECT c.project_id, c.district, COALESCE(p.name, c.park) AS park, c.park_id, {ItemColumns}
            FROM approval_items i JOIN approval_cases c ON c.id = i.case_id LEFT JOIN parks p ON p.id = c.park_id
            WHERE i.status IN ('Open', 'AcceptedWithDeficiency', 'Suspended') AND i.due_on < @day
              AND (@district::text IS NULL OR c.district = @district)
              AND (@park::text IS NULL OR COALESCE(p.name, c.park) = @park OR c.park_id::text = @park)
            ORDER BY i.due_on
            """,
            (scope, item) => new OverdueItem(
                scope.ProjectId, scope.District, scope.Park, scope.ParkId, item, calendar.WorkingDaysBetween(item.DueOn!.Value, day)),
            new
            {
                day,
                // CanSee's rules: district and park staff without their claim see nothing (a value no row has), never everything.
                district = actor.Role == Roles.District ? actor.District ?? "" : null,
                park = actor.Role == Roles.Park ? actor.Park ?? "" : null,
            },
            buffered: buffered,
            splitOn: "id");

    /// <summary>The item columns prefixed for a join with the case.</summary>
    private const string ItemColumns =
        """
        i.id, i.case_id, i.code, i.name, i.stage, i.statutory_working_days, i.limit_working_days, i.land_dependent,
        i.prerequisites, i.status, i.opened_on, i.due_on, i.decided_at, i.missing_documents, i.committed_on, i.suspended_on,
        i.submission, i.granted_outside
        """;

    private sealed record CaseScope(Guid ProjectId, string District, string Park, Guid? ParkId);

    private sealed record ItemScope(Guid Id, string District, string Park, Guid? ParkId);
}
