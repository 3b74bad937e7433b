using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

/// <summary>项目流转: an intent that does not fit its district moves to another; the first district keeps 首谈 credit.</summary>
public static class IntentTransfersApi
{
    public static IEndpointRouteBuilder MapIntentTransfersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/intents/{id:guid}/transfer", TransferAsync)
            .WithTags("Cooperation intents (合作意向)").WithName("TransferIntent").AllowRoles(IntentsApi.Changers)
            .WithSummary("Moves the intent to another district with the reason; both districts see it in the intent's history.");
        return app;
    }

    public sealed record TransferRequest(string? ToDistrict, string? Reason);

    internal static async Task<Results<Ok<CooperationIntent>, ValidationProblem, ProblemHttpResult>> TransferAsync(
        Guid id, TransferRequest request, ClaimsPrincipal user, Database database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .RequireText("toDistrict", request.ToDistrict, 50)
            .RequireText("reason", request.Reason, 2000);
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var (found, refusal) = await IntentStore.LockOpenForChangeAsync(work, id, "transferred");
        if (refusal is not null)
            return refusal;
        var intent = found!;
        var toDistrict = request.ToDistrict!.Trim();
        if (toDistrict == intent.District)
            return errors.Add("toDistrict", $"The intent is already in {toDistrict}.").ToProblem();

        var transferred = intent with
        {
            District = toDistrict, PreviousDistricts = [.. intent.PreviousDistricts, intent.District], Version = intent.Version + 1,
        };
        await work.ExecuteAsync(
            """
            UPDATE cooperation_intents
            SET district = @District, previous_districts = @PreviousDistricts, version = @Version
            WHERE id = @Id
            """,
            new { transferred.District, PreviousDistricts = transferred.PreviousDistricts.ToArray(), transferred.Version, transferred.Id });
        var reason = request.Reason!.Trim();
        await work.AuditAsync("CooperationIntent", id, "transferred",
            new { intent.District }, new { transferred.District, intent.FirstDistrict, Reason = reason });
        await work.PublishAsync(new CooperationIntentTransferred(
            id, intent.District, toDistrict, intent.FirstDistrict, reason, clock.GetUtcNow()));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(transferred);
    }
}
