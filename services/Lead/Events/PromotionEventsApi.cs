using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Events;

public static class PromotionEventsApi
{
    public static IEndpointRouteBuilder MapPromotionEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTag("Promotion events (招商活动)",
            "Outbound trips, promotion conferences, inspection visits and forums, and the quarters still without a major event.");
        api.MapPost("/", CreateEventAsync).WithName("CreateEvent").AllowRoles(Roles.Bureau, Roles.District)
            .WithSummary("Records a promotion event: type, region, dates, leading official, major or not.");
        api.MapPut("/{id:guid}", PromotionEventEditsApi.UpdateEventAsync).WithName("UpdateEvent").AllowRoles(Roles.Bureau, Roles.District)
            .WithSummary("Corrects an event; send the version you read (a stale version is refused with 409 and the event as it is).");
        api.MapGet("/{id:guid}", GetEventAsync).WithName("GetEvent").AllowRoles(Roles.Staff)
            .WithSummary("One promotion event.");
        api.MapGet("/", ListEventsAsync).WithName("ListEvents").AllowRoles(Roles.Staff)
            .WithSummary("Lists events by type, region, year and quarter.");
        api.MapGet("/quarters-without-major-event", GetUncoveredQuartersAsync).WithName("GetQuartersWithoutMajorEvent")
            .WithSummary("每季度至少1场重大招商活动: the quarters of a year with no major event.")
            .AllowRoles(Roles.Staff);
        return app;
    }

    public sealed record PromotionEvent(
        Guid Id, string Title, PromotionEventType Type, string Region, DateOnly StartsOn, DateOnly? EndsOn, string Leader,
        bool Major, string? Summary, DateTimeOffset CreatedAt, int Version);

    /// <summary>What staff send to record an event or to correct one (with the <c>version</c> they read).</summary>
    public sealed record EventRequest(
        string? Title, PromotionEventType? Type, string? Region, DateOnly? StartsOn, DateOnly? EndsOn, string? Leader,
        bool? Major, string? Summary, int? Version = null)
    {
        public ValidationErrors Validate()
        {
            var errors = new ValidationErrors()
                .RequireText("title", Title)
                .RequireText("region", Region, 50)
                .RequireDate("startsOn", StartsOn)
                .RequireText("leader", Leader, 100)
                .CheckDate("endsOn", EndsOn);
            if (Type is null)
                errors.Add("type", "'type' is required: OutboundTrip, Conference, InspectionVisit or Forum.");
            if (EndsOn < StartsOn)
                errors.Add("endsOn", "'endsOn' cannot be before 'startsOn'.");
            if (Summary?.Length > 4000)
                errors.Add("summary", "'summary' must be at most 4000 characters.");
            return errors;
        }
    }

    public sealed record QuarterCoverage(int Year, IReadOnlyList<int> QuartersWithoutMajorEvent);

    internal const string Select =
        "SELECT id, title, type, region, starts_on, ends_on, leader, major, summary, created_at, version FROM promotion_events";

    internal static async Task<Results<Created<PromotionEvent>, ValidationProblem>> CreateEventAsync(
        EventRequest request, ClaimsPrincipal user, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsValid)
            return errors.ToProblem();

        var promotionEvent = new PromotionEvent(
            Guid.CreateVersion7(), request.Title!.Trim(), request.Type!.Value, request.Region!.Trim(), request.StartsOn!.Value,
            request.EndsOn, request.Leader!.Trim(), request.Major ?? false, request.Summary, clock.GetUtcNow(), 1);
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        await work.ExecuteAsync(
            """
            INSERT INTO promotion_events (id, title, type, region, starts_on, ends_on, leader, major, summary, created_at)
            VALUES (@Id, @Title, @Type, @Region, @StartsOn, @EndsOn, @Leader, @Major, @Summary, @CreatedAt)
            """,
            new
            {
                promotionEvent.Id, promotionEvent.Title, Type = promotionEvent.Type.ToString(), promotionEvent.Region,
                promotionEvent.StartsOn, promotionEvent.EndsOn, promotionEvent.Leader, promotionEvent.Major,
                promotionEvent.Summary, promotionEvent.CreatedAt,
            });
        await work.AuditAsync("PromotionEvent", promotionEvent.Id, "created", null, promotionEvent);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{promotionEvent.Id}", promotionEvent);
    }

    internal static async Task<Results<Ok<PromotionEvent>, ProblemHttpResult>> GetEventAsync(
        Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var promotionEvent = await connection.QuerySingleOrDefaultAsync<PromotionEvent>(Select + " WHERE id = @id", new { id });
        return promotionEvent is null ? Problems.NotFound("Promotion event", id) : TypedResults.Ok(promotionEvent);
    }

    internal static async Task<Results<Ok<Page<PromotionEvent>>, ValidationProblem>> ListEventsAsync(
        [AsParameters] EventFilter filter, Database database, CancellationToken cancellationToken)
    {
        var page = new PageQuery(filter.Page, filter.PageSize, filter.Sort);
        var errors = filter.Validate(page);
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await connection.QueryPageAsync<PromotionEvent>(
            $"""
            SELECT id, title, type, region, starts_on, ends_on, leader, major, summary, created_at, version, count(*) OVER () AS total
            FROM promotion_events
            {EventFilter.Where}
            {EventFilter.OrderBy}
            LIMIT @Size OFFSET @Offset
            """,
            filter.Arguments(page),
            page));
    }

    internal static async Task<Results<Ok<QuarterCoverage>, ValidationProblem>> GetUncoveredQuartersAsync(
        int? year, Database database, CancellationToken cancellationToken)
    {
        if (year is null or < 2000 or > 2100)
            return new ValidationErrors().Add("year", "'year' is required (2000 to 2100).").ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        var events = await connection.QueryAsync<EventDay>(
            "SELECT starts_on, major FROM promotion_events WHERE extract(year FROM starts_on) = @year", new { year });
        return TypedResults.Ok(new QuarterCoverage(
            year.Value, MajorEventCoverage.QuartersWithoutMajorEvent(year.Value, events.Select(e => (e.StartsOn, e.Major)))));
    }

    private sealed record EventDay(DateOnly StartsOn, bool Major);
}
