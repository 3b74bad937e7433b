using Dapper;
using Npgsql;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

/// <summary>Evidence of a follow-up (对接记录: minutes, photos, letters), in the intent's history when uploaded or downloaded.</summary>
public static class FollowUpAttachmentsApi
{
    public static IEndpointRouteBuilder MapFollowUpAttachmentsApi(this IEndpointRouteBuilder app) =>
        app.MapAttachments("/api/intents/{intentId:guid}/follow-ups/{followUpId:guid}", "FollowUp", "follow-up",
            "Cooperation intents (合作意向)", FindFollowUpAsync, IntentsApi.Readers, IntentsApi.Changers);

    private sealed record FollowUpScope(Guid Id, Guid IntentId, string District, string[] PreviousDistricts);

    private static async Task<AttachableRecord?> FindFollowUpAsync(NpgsqlConnection connection, RouteValueDictionary route)
    {
        var followUp = await connection.QuerySingleOrDefaultAsync<FollowUpScope>(
            """
            SELECT f.id, f.intent_id, i.district, i.previous_districts
            FROM intent_follow_ups f JOIN cooperation_intents i ON i.id = f.intent_id
            WHERE f.id = @followUpId AND f.intent_id = @intentId
            """,
            new { followUpId = route.Id("followUpId"), intentId = route.Id("intentId") });
        return followUp is null ? null : new AttachableRecord(followUp.Id, new RecordScope(followUp.District), "CooperationIntent", followUp.IntentId)
        {
            FormerDistricts = followUp.PreviousDistricts,
        };
    }
}
