using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Lead.Dictionaries;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

/// <summary>
/// Correcting an intent's details after entry, while it is still open: a converted intent lives on as its project and a
/// dropped one is closed. The district changes only by a transfer (项目流转), the status only by its own steps.
/// </summary>
public static class IntentEditsApi
{
    public static IEndpointRouteBuilder MapIntentEditsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/intents/{id:guid}", UpdateIntentAsync).WithTags("Cooperation intents (合作意向)").WithName("UpdateIntent")
            .AllowRoles(IntentsApi.Changers)
            .WithSummary("Corrects an open intent's industry, intended investment, day received and source event; send the version you read (stale → 409 with the intent as it is; converted or dropped → 409).");
        return app;
    }

    public sealed record UpdateIntentRequest(
        string? Industry, decimal? IntendedInvestment, DateOnly? ReceivedOn, Guid? SourceEventId, int? Version);

    internal static async Task<Results<Ok<CooperationIntent>, ValidationProblem, ProblemHttpResult>> UpdateIntentAsync(
        Guid id, UpdateIntentRequest request, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireText("industry", request.Industry, 50)
            .RequireAmount("intendedInvestment", request.IntendedInvestment)
            .RequireDate("receivedOn", request.ReceivedOn)
            .RequireVersion(request.Version);
        var industry = ChosenIndustry.Check(errors, dictionaries, "industry", request.Industry);
        if (request.ReceivedOn > clock.TodayInChina())
            errors.Add("receivedOn", "'receivedOn' cannot be in the future.");
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (intent, refusal) = await IntentStore.LockOpenForChangeAsync(work, id, "corrected");
        if (refusal is not null)
            return refusal;
        if (intent!.Version != request.Version)
            return Problems.StaleVersion("Cooperation intent", intent.Version, intent);
        if (request.SourceEventId is { } eventId
            && !await work.QuerySingleAsync<bool>("SELECT EXISTS (SELECT 1 FROM promotion_events WHERE id = @eventId)", new { eventId }))
            return errors.Add("sourceEventId", $"There is no promotion event with id {eventId}.").ToProblem();

        var updated = intent with
        {
            Industry = industry!, IntendedInvestment = request.IntendedInvestment!.Value,
            ReceivedOn = request.ReceivedOn!.Value, SourceEventId = request.SourceEventId, Version = intent.Version + 1,
        };
        await work.ExecuteAsync(
            """
            UPDATE cooperation_intents
            SET industry = @Industry, intended_investment = @IntendedInvestment, received_on = @ReceivedOn,
                source_event_id = @SourceEventId, version = @Version
            WHERE id = @Id
            """,
            new { updated.Industry, updated.IntendedInvestment, updated.ReceivedOn, updated.SourceEventId, updated.Version, updated.Id });
        await work.AuditAsync("CooperationIntent", id, "updated",
            new { intent.Industry, intent.IntendedInvestment, intent.ReceivedOn, intent.SourceEventId, intent.Version },
            new { updated.Industry, updated.IntendedInvestment, updated.ReceivedOn, updated.SourceEventId, updated.Version });
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated);
    }
}
