using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;
using static Zhaoshang.Lead.Events.PromotionEventsApi;

namespace Zhaoshang.Lead.Events;

/// <summary>Correcting a promotion event after entry: versioned, and audited with the event before and after.</summary>
public static class PromotionEventEditsApi
{
    internal static async Task<Results<Ok<PromotionEvent>, ValidationProblem, ProblemHttpResult>> UpdateEventAsync(
        Guid id, EventRequest request, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        var errors = request.Validate().RequireVersion(request.Version);
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var current = await work.QuerySingleOrDefaultAsync<PromotionEvent>(Select + " WHERE id = @id FOR UPDATE", new { id });
        if (current is null)
            return Problems.NotFound("Promotion event", id);
        if (current.Version != request.Version)
            return Problems.StaleVersion("Promotion event", current.Version, current);

        var updated = current with
        {
            Title = request.Title!.Trim(), Type = request.Type!.Value, Region = request.Region!.Trim(), StartsOn = request.StartsOn!.Value,
            EndsOn = request.EndsOn, Leader = request.Leader!.Trim(), Major = request.Major ?? current.Major, Summary = request.Summary,
            Version = current.Version + 1,
        };
        await work.ExecuteAsync(
            """
            UPDATE promotion_events
            SET title = @Title, type = @Type, region = @Region, starts_on = @StartsOn, ends_on = @EndsOn, leader = @Leader,
                major = @Major, summary = @Summary, version = @Version
            WHERE id = @Id
            """,
            new
            {
                updated.Id, updated.Title, Type = updated.Type.ToString(), updated.Region, updated.StartsOn, updated.EndsOn,
                updated.Leader, updated.Major, updated.Summary, updated.Version,
            });
        await work.AuditAsync("PromotionEvent", id, "updated", current, updated);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated);
    }
}
