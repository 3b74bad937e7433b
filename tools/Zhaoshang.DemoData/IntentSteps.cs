using System.Net;
using System.Text.Json;
using Zhaoshang.Load;

namespace Zhaoshang.DemoData;

/// <summary>One intent as the bureau records it: received, 专班, follow-ups, then qualified, dropped or converted.</summary>
internal sealed partial class Steps(FlowClient client, DemoDays days, Guid policyId)
{
    private static readonly FlowOptions Waiting = new();

    private SystemUnderLoad Target => client.Target;

    public async Task<(Guid IntentId, Guid? ProjectId)> IntentAsync(IntentSeed intent, Guid enterpriseId, Guid? sourceEventId)
    {
        var intentId = Created(await client.AsBureauAsync(Target.Lead, HttpMethod.Post, "/api/intents", new
        {
            EnterpriseId = enterpriseId, SourceEventId = sourceEventId, intent.Industry, intent.IntendedInvestment, intent.District,
            ReceivedOn = days.On(intent.ReceivedOn),
        }), "POST /api/intents");
        var path = $"/api/intents/{intentId}";
        if (intent.TaskTeam is not null)
            await StaffAsync(Target.Lead, HttpMethod.Put, $"{path}/task-team", intent.TaskTeam);
        foreach (var followUp in intent.FollowUps)
        {
            await StaffAsync(Target.Lead, HttpMethod.Post, $"{path}/follow-ups", new
            {
                followUp.Kind, OccurredOn = days.On(followUp.OccurredOn), followUp.Summary, followUp.NextStep,
                NextStepOn = followUp.NextStepOn is { } next ? days.On(next) : (DateOnly?)null,
            }, HttpStatusCode.Created);
        }

        if (intent.Outcome is IntentOutcome.Qualified or IntentOutcome.Converted)
        {
            var reason = $"专班研判：{intent.Industry}项目符合{intent.District}产业定位，投资意向明确。";
            await StaffAsync(Target.Lead, HttpMethod.Post, $"{path}/qualify", new { Reason = reason });
        }

        if (intent.Outcome == IntentOutcome.Dropped)
            await StaffAsync(Target.Lead, HttpMethod.Post, $"{path}/drop", new { Reason = intent.DropReason });
        if (intent.Project is not { } project)
            return (intentId, null);

        var projectId = (await StaffAsync(Target.Lead, HttpMethod.Post, $"{path}/convert", null, HttpStatusCode.Accepted))
            .GetProperty("projectId").GetGuid();
        await ProjectAsync(projectId, project);
        return (intentId, projectId);
    }

    public static Guid Created(Reply reply, string what) => Expect(reply, what, HttpStatusCode.Created).GetProperty("id").GetGuid();

    public static JsonElement Expect(Reply reply, string what, params HttpStatusCode[] expected) =>
        expected.Contains(reply.Status) ? reply.Body : throw new UnexpectedReplyException(what, reply);

    private async Task<JsonElement> StaffAsync(
        Uri service, HttpMethod method, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK) =>
        Expect(await client.AsBureauAsync(service, method, path, body), $"{method} {path}", expected);
}
