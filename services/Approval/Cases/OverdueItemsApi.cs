using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;
using static Zhaoshang.Approval.Cases.ApprovalCasesApi;

namespace Zhaoshang.Approval.Cases;

/// <summary>The overdue approval items (超期审批事项) on any day, paged in SQL; the export (its own file) streams them all.</summary>
public static class OverdueItemsApi
{
    public static IEndpointRouteBuilder MapOverdueItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/approval-items/overdue", ListOverdueItemsAsync).WithTags("Approval cases (审批)").WithName("ListOverdueApprovalItems")
            .AllowRoles(Readers)
            .WithSummary("Items past their (green-channel) limit without a decision, longest late first; asOf (a date) looks at another day, projectId narrows to one project.");
        return app;
    }

    public sealed record OverdueItem(Guid ProjectId, string District, string Park, Guid? ParkId, ApprovalItem Item, int WorkingDaysLate);

    internal static async Task<Results<Ok<Page<OverdueItem>>, ValidationProblem>> ListOverdueItemsAsync(
        DateOnly? asOf, Guid? projectId, int? page, int? pageSize, ClaimsPrincipal user, Database database, WorkCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var paging = new PageQuery(page, pageSize, null);
        var errors = paging.Validate(new ValidationErrors()).CheckDate("asOf", asOf);
        if (!errors.IsValid)
            return errors.ToProblem();
        var day = asOf ?? clock.TodayInChina();
        await using var connection = await database.OpenAsync(cancellationToken);
        // The page off the open items' index in due order; the count beside it.
        var items = await connection.QueryPageAsync<CaseScope, ApprovalItem, OverdueItem>(
            $"{Select} {From} ORDER BY i.due_on, i.id LIMIT @Size OFFSET @Offset", $"SELECT count(*) {From}",
            (scope, item) => scope.Late(item, day, calendar), Parameters(day, Actor.From(user), projectId, paging), paging, splitOn: "id");
        return TypedResults.Ok(items);
    }

    /// <summary>
    /// Every item overdue on <paramref name="day"/> that the actor may see, longest late first, as read: off the open items'
    /// index in this order, each case looked up by its key.
    /// </summary>
    internal static IEnumerable<OverdueItem> All(NpgsqlConnection connection, DateOnly day, Actor actor, WorkCalendar calendar) =>
        connection.QueryByCursor<CaseScope, ApprovalItem, OverdueItem>($"{Select} {From} ORDER BY i.due_on, i.id",
            (scope, item) => scope.Late(item, day, calendar), Parameters(day, actor, null, new { }), splitOn: "id");

    /// <summary>
    /// The scope in SQL (district staff their district's, park staff their park's by name or id, as <see cref="Actor.CanSee"/>
    /// decides), so that no other district's rows are read at all.
    /// </summary>
    private static DynamicParameters Parameters(DateOnly day, Actor actor, Guid? projectId, object paging)
    {
        var parameters = new DynamicParameters(paging);
        parameters.AddDynamicParams(new
        {
            day, projectId,
            // CanSee's rules: district and park staff without their claim see nothing (a value no row has), never everything.
            district = actor.Role == Roles.District ? actor.District ?? "" : null,
            park = actor.Role == Roles.Park ? actor.Park ?? "" : null,
        });
        return parameters;
    }

    private const string Select =
        """
        SELECT c.project_id, c.district, COALESCE(p.name, c.park) AS park, c.park_id,
               i.id, i.case_id, i.code, i.name, i.stage, i.statutory_working_days, i.limit_working_days, i.land_dependent,
               i.prerequisites, i.status, i.opened_on, i.due_on, i.decided_at, i.missing_documents, i.committed_on, i.suspended_on,
               i.submission, i.granted_outside
        """;

    private const string From =
        """
        FROM approval_items i JOIN approval_cases c ON c.id = i.case_id LEFT JOIN parks p ON p.id = c.park_id
        WHERE i.status IN ('Open', 'AcceptedWithDeficiency', 'Suspended') AND i.due_on < @day
          AND (@district::text IS NULL OR c.district = @district)
          AND (@park::text IS NULL OR COALESCE(p.name, c.park) = @park OR c.park_id::text = @park)
          AND (@projectId::uuid IS NULL OR c.project_id = @projectId)
        """;

    private sealed record CaseScope(Guid ProjectId, string District, string Park, Guid? ParkId)
    {
        public OverdueItem Late(ApprovalItem item, DateOnly day, WorkCalendar calendar) =>
            new(ProjectId, District, Park, ParkId, item, calendar.WorkingDaysBetween(item.DueOn!.Value, day));
    }
}
