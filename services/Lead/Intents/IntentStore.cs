using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Lead.Intents;

/// <summary>Loading intents, shared by the intent endpoints.</summary>
internal static class IntentStore
{
    public static async Task<CooperationIntent?> FindAsync(NpgsqlConnection connection, Guid id) =>
        (await connection.QuerySingleOrDefaultAsync<IntentRow>(IntentRow.SelectById, new { id }))?.ToIntent();

    /// <summary>
    /// Loads and locks the intent for a change by the unit of work's actor: 404 if they may not see it (so another
    /// district's intents stay invisible), 403 if they may see but not change it.
    /// </summary>
    public static async Task<(CooperationIntent? Intent, ProblemHttpResult? Refusal)> LockForChangeAsync(UnitOfWork work, Guid id)
    {
        var intent = (await work.QuerySingleOrDefaultAsync<IntentRow>(IntentRow.SelectById + " FOR UPDATE OF i", new { id }))?.ToIntent();
        if (intent is null || !intent.IsVisibleTo(work.Actor))
            return (null, Problems.NotFound("Cooperation intent", id));
        if (!intent.IsChangeableBy(work.Actor))
            return (null, Problems.Forbidden($"Only the bureau and {intent.District}'s staff may change this intent now."));
        return (intent, null);
    }

    /// <summary>As <see cref="LockForChangeAsync"/>, and 409 unless the intent is still open (New, Following, Qualified).</summary>
    public static async Task<(CooperationIntent? Intent, ProblemHttpResult? Refusal)> LockOpenForChangeAsync(UnitOfWork work, Guid id, string change)
    {
        var (intent, refusal) = await LockForChangeAsync(work, id);
        if (refusal is null && !intent!.IsOpen)
            return (null, Problems.IllegalTransition("Cooperation intent", intent.Status.ToString(), change));
        return (intent, refusal);
    }
}
