using System.Diagnostics;
using System.Net;

namespace Zhaoshang.DemoData;

internal sealed record LoadSummary(int Enterprises, int Events, int Intents, int ProjectsSigned);

/// <summary>Sends the demo data to the lead and project services in dependency order.</summary>
internal sealed class Loader(Api api, string lead, string project)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(30);

    private sealed record Created(Guid Id);

    private sealed record ConversionAccepted(Guid IntentId, Guid ProjectId);

    /// <summary>Null when the data is already there (the first enterprise's USCC is taken).</summary>
    public async Task<LoadSummary?> LoadAsync(SeedData data)
    {
        var enterprises = new Dictionary<string, Guid>();
        foreach (var enterprise in data.Enterprises)
        {
            var body = new
            {
                enterprise.Name, enterprise.Uscc, enterprise.HqRegion, enterprise.IndustryChain, enterprise.ChainRole,
                enterprise.Priority,
            };
            var reply = enterprises.Count == 0
                ? await api.SendAsync(HttpMethod.Post, $"{lead}/api/enterprises", body, HttpStatusCode.Conflict)
                : await api.SendAsync(HttpMethod.Post, $"{lead}/api/enterprises", body);
            if (reply.Status == HttpStatusCode.Conflict)
                return null;
            enterprises[enterprise.Key] = reply.Read<Created>().Id;
        }

        var events = new Dictionary<string, Guid>();
        foreach (var e in data.Events)
        {
            var body = new { e.Title, e.Type, e.Region, e.StartsOn, e.EndsOn, e.Leader, e.Major, e.Summary };
            events[e.Key] = (await api.SendAsync<Created>(HttpMethod.Post, $"{lead}/api/events", body)).Id;
        }

        var signed = 0;
        foreach (var intent in data.Intents)
        {
            var sourceEventId = intent.Event is null ? (Guid?)null : events[intent.Event];
            if (await LoadIntentAsync(intent, enterprises[intent.Enterprise], sourceEventId))
                signed++;
        }

        return new LoadSummary(enterprises.Count, events.Count, data.Intents.Count, signed);
    }

    /// <summary>Creates the intent and takes it as far as the data says; true when it ends as a signed project.</summary>
    private async Task<bool> LoadIntentAsync(IntentSeed intent, Guid enterpriseId, Guid? sourceEventId)
    {
        var body = new
        {
            EnterpriseId = enterpriseId, SourceEventId = sourceEventId, intent.Industry, intent.IntendedInvestment,
            intent.District, intent.ReceivedOn,
        };
        var intentUrl = $"{lead}/api/intents/{(await api.SendAsync<Created>(HttpMethod.Post, $"{lead}/api/intents", body)).Id}";

        if (intent.TaskTeam is not null)
            await api.SendAsync(HttpMethod.Put, $"{intentUrl}/task-team", intent.TaskTeam);
        foreach (var followUp in intent.FollowUps)
            await api.SendAsync(HttpMethod.Post, $"{intentUrl}/follow-ups", followUp);
        if (intent.Qualify)
        {
            var reason = $"专班研判：{intent.Industry}项目符合{intent.District}产业定位，投资意向明确。";
            await api.SendAsync(HttpMethod.Post, $"{intentUrl}/qualify", new { Reason = reason });
        }

        if (!intent.Convert)
            return false;
        var projectId = (await api.SendAsync<ConversionAccepted>(HttpMethod.Post, $"{intentUrl}/convert")).ProjectId;
        if (intent.Sign is null)
            return false;
        var projectUrl = $"{project}/api/projects/{projectId}";
        await WaitUntilCreatedAsync(projectUrl);
        await api.SendAsync(HttpMethod.Post, $"{projectUrl}/sign", intent.Sign);
        return true;
    }

    /// <summary>The project service creates a converted intent's project asynchronously.</summary>
    private async Task WaitUntilCreatedAsync(string projectUrl)
    {
        var waited = Stopwatch.StartNew();
        while ((await api.SendAsync(HttpMethod.Get, projectUrl, null, HttpStatusCode.NotFound)).Status == HttpStatusCode.NotFound)
        {
            if (waited.Elapsed >= PollTimeout)
                throw new TimeoutException($"GET {projectUrl} still returned 404 after {PollTimeout.TotalSeconds:0} s.");
            await Task.Delay(PollInterval);
        }
    }
}
