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
        var scope = Scope.Of(day, Actor.From(user), projectId);
        var items = await connection.QueryPageAsync<CaseScope, ApprovalItem, OverdueItem>(
            $"{Select} {scope.From} ORDER BY i.due_on, i.id LIMIT @Size OFFSET @Offset", scope.Count,
            (found, item) => found.Late(item, day, calendar), scope.Parameters(paging), paging, splitOn: "id");
        return TypedResults.Ok(items);
    }

    /// <summary>
    /// Every item overdue on <paramref name="day"/> that the actor may see, longest late first, as read: off the open items'
    /// index in this order, each case looked up by its key.
    /// </summary>
    internal static IEnumerable<OverdueItem> All(NpgsqlConnection connection, DateOnly day, Actor actor, WorkCalendar calendar)
    {
        var scope = Scope.Of(day, actor, null);
        return connection.QueryByCursor<CaseScope, ApprovalItem, OverdueItem>($"{Select} {scope.From} ORDER BY i.due_on, i.id",
            (found, item) => found.Late(item, day, calendar), scope.Parameters(new { }), splitOn: "id");
    }

    private const string Select =
        """
        SELECT c.project_id, c.district, COALESCE(p.name, c.park) AS park, c.park_id,
               i.id, i.case_id, i.code, i.name, i.stage, i.statutory_working_days, i.limit_working_days, i.land_dependent,
               i.prerequisites, i.status, i.opened_on, i.due_on, i.decided_at, i.missing_documents, i.committed_on, i.suspended_on,
               i.submission, i.granted_outside
        """;

    private const string Overdue = "i.status IN ('Open', 'AcceptedWithDeficiency', 'Suspended') AND i.due_on < @day";

    /// <summary>
    /// The items the caller may see, in SQL (district staff their district's, park staff their park's by name or id, as
    /// <see cref="Actor.CanSee"/> decides), so that no other district's rows are read at all. Only the conditions that apply
    /// are written: each combination is then a statement of its own, whose plan once prepared fits it (one plan for "the
    /// district, if any" read every case), and an unscoped count reads the items' index alone.
    /// </summary>
    private sealed record Scope(DateOnly Day, string? District, string? Park, Guid? ProjectId)
    {
        // CanSee's rules: district and park staff without their claim see nothing (a value no row has), never everything.
        public static Scope Of(DateOnly day, Actor actor, Guid? projectId) => new(
            day, actor.Role == Roles.District ? actor.District ?? "" : null, actor.Role == Roles.Park ? actor.Park ?? "" : null, projectId);

        public string From =>
            "FROM approval_items i JOIN approval_cases c ON c.id = i.case_id LEFT JOIN parks p ON p.id = c.park_id\nWHERE "
            + string.Join(" AND ", new[]
            {
                Overdue,
                District is null ? null : "c.district = @district",
                Park is null ? null : "(COALESCE(p.name, c.park) = @park OR c.park_id::text = @park)",
                ProjectId is null ? null : "c.project_id = @projectId",
            }.OfType<string>());

        public string Count => District is null && Park is null && ProjectId is null
            ? $"SELECT count(*) FROM approval_items i WHERE {Overdue}"
            : $"SELECT count(*) {From}";

        public DynamicParameters Parameters(object paging)
        {
            var parameters = new DynamicParameters(paging);
            parameters.AddDynamicParams(new { day = Day, district = District, park = Park, projectId = ProjectId });
            return parameters;
        }
    }

    private sealed record CaseScope(Guid ProjectId, string District, string Park, Guid? ParkId)
    {
        public OverdueItem Late(ApprovalItem item, DateOnly day, WorkCalendar calendar) =>
            new(ProjectId, District, Park, ParkId, item, calendar.WorkingDaysBetween(item.DueOn!.Value, day));
    }
}
