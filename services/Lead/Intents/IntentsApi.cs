using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Lead.Dictionaries;
using Zhaoshang.Platform.Auditing;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

public static class IntentsApi
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.District, Roles.Auditor];
    public static readonly string[] Changers = [Roles.Bureau, Roles.District];

    public static IEndpointRouteBuilder MapIntentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intents").WithTag("Cooperation intents (合作意向)",
            "Intents from first contact to a project: task teams (专班), follow-ups, service levels, transfers between districts.");
        api.MapPost("/", CreateIntentAsync).WithName("CreateIntent").AllowRoles(Changers)
            .WithSummary("Records an intent, from a promotion event (sourceEventId) or directly.");
        api.MapGet("/{id:guid}", GetIntentAsync).WithName("GetIntent").AllowRoles(Readers)
            .WithSummary("One intent; another district's reads as 404.");
        api.MapGet("/", ListIntentsAsync).WithName("ListIntents").AllowRoles(Readers)
            .WithSummary("Lists intents by status, district, industry and enterprise; district staff see their own district's.");
        api.MapGet("/{id:guid}/history", GetHistoryAsync).WithName("GetIntentHistory").AllowRoles(Readers)
            .WithSummary("Everything that happened to the intent, transfers included; the districts it left still see it.");
        return app;
    }

    public sealed record CreateIntentRequest(
        Guid? EnterpriseId, Guid? SourceEventId, string? Industry, decimal? IntendedInvestment, string? District, DateOnly? ReceivedOn);

    /// <summary>Each sort's order, ties by creation: the default (createdAt) comes off the cooperation_intents_list index.</summary>
    private static readonly Dictionary<string, string> ListOrders = new()
    {
        ["createdAt"] = "i.created_at, i.id", ["-createdAt"] = "i.created_at DESC, i.id",
        ["receivedOn"] = "i.received_on, i.created_at, i.id", ["-receivedOn"] = "i.received_on DESC, i.created_at, i.id",
        ["intendedInvestment"] = "i.intended_investment, i.created_at, i.id", ["-intendedInvestment"] = "i.intended_investment DESC, i.created_at, i.id",
    };

    internal static async Task<Results<Created<CooperationIntent>, ValidationProblem, ProblemHttpResult>> CreateIntentAsync(
        CreateIntentRequest request, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        var errors = new ValidationErrors()
            .RequireId("enterpriseId", request.EnterpriseId)
            .RequireText("industry", request.Industry, 50)
            .RequireAmount("intendedInvestment", request.IntendedInvestment)
            .RequireText("district", request.District, 50)
            .CheckDate("receivedOn", request.ReceivedOn);
        var industry = ChosenIndustry.Check(errors, dictionaries, "industry", request.Industry);
        if (request.ReceivedOn > today)
            errors.Add("receivedOn", "'receivedOn' cannot be in the future.");
        if (!errors.IsValid)
            return errors.ToProblem();
        var actor = Actor.From(user);
        if (!actor.CanChange(new RecordScope(request.District!.Trim())))
            return Problems.Forbidden("District staff record intents for their own district only.");

        await using var work = await database.BeginAsync(actor, cancellationToken);
        // The enterprise is held until the intent is written, which copies its search_text (migration 0010): a rename
        // meanwhile waits for the intent, and then renews its copy too, or the intent waits for the rename.
        var references = await work.QuerySingleOrDefaultAsync<References>(
            """
            SELECT (SELECT name FROM enterprises WHERE id = @EnterpriseId FOR SHARE) AS enterprise_name,
                   (@SourceEventId::uuid IS NULL OR EXISTS (SELECT 1 FROM promotion_events WHERE id = @SourceEventId)) AS event_exists
            """,
            new { request.EnterpriseId, request.SourceEventId });
        if (references!.EnterpriseName is null)
            errors.Add("enterpriseId", $"There is no enterprise with id {request.EnterpriseId}.");
        if (!references.EventExists)
            errors.Add("sourceEventId", $"There is no promotion event with id {request.SourceEventId}.");
        if (!errors.IsValid)
            return errors.ToProblem();

        var district = request.District.Trim();
        var intent = new CooperationIntent(
            Guid.CreateVersion7(), request.EnterpriseId!.Value, references.EnterpriseName!, request.SourceEventId,
            industry!, request.IntendedInvestment!.Value, district, district, [], IntentStatus.New, null,
            request.ReceivedOn ?? today, null, null, null, null, null, clock.GetUtcNow(), null, null, 1);
        await work.ExecuteAsync(
            """
            INSERT INTO cooperation_intents (id, enterprise_id, source_event_id, industry, intended_investment, district,
                                             first_district, status, received_on, created_at, version, enterprise_search_text)
            VALUES (@Id, @EnterpriseId, @SourceEventId, @Industry, @IntendedInvestment, @District, @FirstDistrict, @Status,
                    @ReceivedOn, @CreatedAt, @Version, (SELECT search_text FROM enterprises WHERE id = @EnterpriseId))
            """,
            new
            {
                intent.Id, intent.EnterpriseId, intent.SourceEventId, intent.Industry, intent.IntendedInvestment, intent.District,
                intent.FirstDistrict, Status = intent.Status.ToString(), intent.ReceivedOn, intent.CreatedAt, intent.Version,
            });
        await work.AuditAsync("CooperationIntent", intent.Id, "created", null, intent);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/intents/{intent.Id}", intent);
    }

    internal static async Task<Results<Ok<CooperationIntent>, ProblemHttpResult>> GetIntentAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var intent = await IntentStore.FindAsync(connection, id);
        return intent is null || !intent.IsVisibleTo(Actor.From(user))
            ? Problems.NotFound("Cooperation intent", id)
            : TypedResults.Ok(intent);
    }

    internal static async Task<Results<Ok<Page<CooperationIntent>>, ValidationProblem>> ListIntentsAsync(
        [AsParameters] IntentFilter filter, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var page = new PageQuery(filter.Page, filter.PageSize, filter.Sort);
        var errors = page.Validate(new ValidationErrors(), "receivedOn", "intendedInvestment", "createdAt");
        if (!errors.IsValid)
            return errors.ToProblem();

        // The page's ids first (the default order's from the index alone); then only those rows are read whole and joined.
        var order = page.OrderBy(ListOrders, "createdAt");
        await using var connection = await database.OpenAsync(cancellationToken);
        var intents = await connection.QueryPageAsync<IntentRow>(
            $"""
            SELECT {IntentRow.Columns}
            FROM {IntentRow.From}
            WHERE i.id IN (SELECT i.id FROM cooperation_intents i {IntentFilter.Where} {order} LIMIT @Size OFFSET @Offset)
            {order}
            """,
            IntentFilter.Count, filter.Arguments(Actor.From(user), new { page.Size, page.Offset }), page);
        return TypedResults.Ok(intents.Select(r => r.ToIntent()));
    }

    internal static async Task<Results<Ok<IReadOnlyList<AuditApi.AuditEntry>>, ProblemHttpResult>> GetHistoryAsync(
        Guid id, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var intent = await IntentStore.FindAsync(connection, id);
        if (intent is null || !intent.IsVisibleTo(Actor.From(user)))
            return Problems.NotFound("Cooperation intent", id);
        return TypedResults.Ok(await AuditApi.ReadTrailAsync(connection, id));
    }

    private sealed record References(string? EnterpriseName, bool EventExists);
}
