using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Zhaoshang.Load;

namespace Zhaoshang.DemoData;

/// <summary>What one load created: the intents' and the projects' ids by the data's keys.</summary>
public sealed record LoadSummary(
    int Enterprises, int Events, IReadOnlyDictionary<string, Guid> Intents, IReadOnlyDictionary<string, Guid> Projects, Guid PolicyId);

/// <summary>
/// Sends the demo data through the services' APIs as bureau staff, finance and the approval system would: enterprises
/// and events first, then each intent with its project, a few at a time (each waits for the messages its steps cause).
/// </summary>
public sealed class Loader(FlowClient client, DemoDays days, int concurrency = 4)
{
    private SystemUnderLoad Target => client.Target;

    /// <summary>Null when the data is already there (the first enterprise's USCC is taken).</summary>
    public async Task<LoadSummary?> LoadAsync(SeedData data, CancellationToken cancellationToken = default)
    {
        var enterprises = new Dictionary<string, Guid>();
        foreach (var enterprise in data.Enterprises)
        {
            var reply = await client.AsBureauAsync(Target.Lead, HttpMethod.Post, "/api/enterprises", new
            {
                enterprise.Name, enterprise.Uscc, enterprise.HqRegion, enterprise.IndustryChain, enterprise.ChainRole, enterprise.Priority,
            });
            if (enterprises.Count == 0 && reply.Is(HttpStatusCode.Conflict))
                return null;
            enterprises[enterprise.Key] = Steps.Created(reply, "POST /api/enterprises");
        }

        var events = new Dictionary<string, Guid>();
        foreach (var e in data.Events)
        {
            var reply = await client.AsBureauAsync(Target.Lead, HttpMethod.Post, "/api/events", new
            {
                e.Title, e.Type, e.Region, StartsOn = days.On(e.StartsOn), EndsOn = e.EndsOn is { } ends ? days.On(ends) : (DateOnly?)null,
                e.Leader, e.Major, e.Summary,
            });
            events[e.Key] = Steps.Created(reply, "POST /api/events");
        }

        foreach (var target in data.Targets)
        {
            var path = $"/api/statistics/targets/{days.Today.Year - target.YearsBack}/{target.Indicator}" +
                       (target.District is null ? "" : $"?district={Uri.EscapeDataString(target.District)}");
            Steps.Expect(await client.AsBureauAsync(Target.Project, HttpMethod.Put, path, new { target.Value, Version = (int?)null }),
                $"PUT {path}", HttpStatusCode.OK);
        }

        await EnterUsdRatesAsync(data);
        var policyId = await OpenPolicyAsync(data.IncentivePolicy);

        var steps = new Steps(client, days, policyId);
        var intents = new ConcurrentDictionary<string, Guid>();
        var projects = new ConcurrentDictionary<string, Guid>();
        await Parallel.ForEachAsync(data.Intents, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (intent, _) =>
            {
                var sourceEvent = intent.Event is null ? (Guid?)null : events[intent.Event];
                var (intentId, projectId) = await steps.IntentAsync(intent, enterprises[intent.Enterprise], sourceEvent);
                intents[intent.Key] = intentId;
                if (projectId is { } id)
                    projects[intent.Key] = id;
            });
        return new LoadSummary(enterprises.Count, events.Count, intents, projects, policyId);
    }

    /// <summary>Finance enters the USD rate of each day a USD report is made on (the report is refused without it).</summary>
    private async Task EnterUsdRatesAsync(SeedData data)
    {
        var reportDays = data.Projects.SelectMany(intent => intent.Project!.Funds).Where(f => f.Currency == "USD").Select(f => f.ReportedOn).Distinct();
        foreach (var day in reportDays)
        {
            var path = $"/api/exchange-rates/USD/{days.On(day):yyyy-MM-dd}";
            Steps.Expect(await client.AsFinanceAsync(Target.Funding, HttpMethod.Put, path, new { CnyPerUnit = data.UsdRate }), path,
                HttpStatusCode.OK, HttpStatusCode.Created);
        }
    }

    /// <summary>This year's construction-start award, which the started projects claim.</summary>
    private async Task<Guid> OpenPolicyAsync(PolicySeed policy)
    {
        var reply = await client.AsBureauAsync(Target.Funding, HttpMethod.Post, "/api/incentive-policies", new
        {
            policy.Name, days.Today.Year, policy.Milestone, policy.MinFixedAssetCny, policy.Percentage, policy.CapCny, policy.Stages,
            policy.BudgetCny, policy.ClawbackYears,
        });
        return Steps.Created(reply, "POST /api/incentive-policies");
    }
}
