using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;
using Zhaoshang.DemoData;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Load;

namespace Zhaoshang.IntegrationTests.Flow;

/// <summary>
/// run.sh's demo data loaded through the real APIs, messages and approval webhook: every project ends where the data
/// says, with funds verified, one transferred (首谈 kept) and one stalled, and the intents both on time and overdue.
/// </summary>
[Collection(SystemCollection.Name)]
public class DemoDataLoadTests(SystemFixture system, ITestOutputHelper output)
{
    private readonly Journey _bureau = new(system);
    private readonly Journey _finance = new(system, Tokens.For("finance"));

    [Fact]
    public async Task The_demo_data_loads_once_and_spans_the_lifecycle()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Zhaoshang.sln")))
            root = root.Parent!;
        var data = SeedData.Load(Path.Combine(root.FullName, "deploy", "local", "demo-data.json"));
        using var client = new FlowClient(
            SystemUnderLoad.OnLoopback(system.Lead.Port, new DriverTokens(Tokens.Bureau, Tokens.For("finance")), ApprovalSystem.Name, ApprovalSystem.Secret),
            TimeSpan.FromSeconds(30));
        var days = DemoDays.LoadedAt(DateTimeOffset.UtcNow);

        var clock = Stopwatch.StartNew();
        var loaded = await new Loader(client, days).LoadAsync(data);
        output.WriteLine($"demo data loaded in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.NotNull(loaded);
        Assert.Null(await new Loader(client, days).LoadAsync(data)); // a second run finds it there

        var seeds = data.Projects.ToDictionary(intent => intent.Key);
        Assert.Equal(seeds.Keys.Order(), loaded.Projects.Keys.Order());
        var projects = new Dictionary<string, JsonElement>();
        foreach (var (key, id) in loaded.Projects)
            projects[key] = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{id}");

        string Expected(ProjectSeed seed) => seed.Stall is null ? seed.Reach.ToString() : "Stalled";
        Assert.Equal(
            seeds.Values.GroupBy(i => Expected(i.Project!)).Select(g => $"{g.Key} {g.Count()}").Order(),
            projects.Values.GroupBy(p => p.GetProperty("state").GetString()!).Select(g => $"{g.Key} {g.Count()}").Order());
        Assert.Single(projects.Values, p => p.GetProperty("state").GetString() == "Stalled");

        var transferred = Assert.Single(projects.Values, p => p.GetProperty("district").GetString() != p.GetProperty("firstDistrict").GetString());
        var transfer = Assert.Single(seeds.Values, i => i.Project!.Transfer is not null);
        Assert.Equal((transfer.Project!.Transfer!.ToDistrict, transfer.District),
            (transferred.GetProperty("district").GetString(), transferred.GetProperty("firstDistrict").GetString()));

        // Verified funds reach the project by message.
        var funded = seeds.Values.First(i => i.Project!.Funds.Any(f => f.Verify && f.Currency == "CNY"));
        var expectedCny = funded.Project!.Funds.Where(f => f.Verify && f.Currency == "CNY").Sum(f => f.Amount);
        var withFunds = await _bureau.WaitForProjectAsync(loaded.Projects[funded.Key],
            p => p.GetProperty("verifiedFundsCny").GetDecimal() == expectedCny, "the verified funds reach the project");
        Assert.True(withFunds.GetProperty("verifiedFundsCny").GetDecimal() > 0);
        var signedOn = days.On(funded.Project.Sign!.SignedOn).ToString("yyyy-MM-dd");
        Assert.Equal(signedOn, withFunds.GetProperty("signedOn").GetString());

        // Finance paid one award in full and left another as raised.
        var paid = await ClaimAsync(loaded, seeds.Values.First(i => i.Project!.Incentive == IncentiveStep.Paid).Key);
        var view = await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get, $"/api/incentive-claims/{paid.GetProperty("id").GetGuid()}");
        Assert.True(view.GetProperty("paidCny").GetDecimal() > 0);
        Assert.Equal(paid.GetProperty("awardCny").GetDecimal(), view.GetProperty("paidCny").GetDecimal());
        var raised = await ClaimAsync(loaded, seeds.Values.First(i => i.Project!.Incentive == IncentiveStep.Raised).Key);
        Assert.Equal("Raised", raised.GetProperty("status").GetString());

        // The New intent received today is on time; the one received 12 days ago without a response is overdue.
        var fresh = data.Intents.Single(i => i.Outcome == IntentOutcome.New && i.ReceivedOn == 0);
        var unanswered = data.Intents.Single(i => i.Outcome == IntentOutcome.New && i.ReceivedOn < -5);
        Assert.DoesNotContain(loaded.Intents[fresh.Key], await OverdueAsync(fresh.District));
        Assert.Contains(loaded.Intents[unanswered.Key], await OverdueAsync(unanswered.District));
    }

    private async Task<JsonElement> ClaimAsync(LoadSummary loaded, string key)
    {
        var claims = await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get, $"/api/projects/{loaded.Projects[key]}/incentive-claims");
        return Assert.Single(claims.EnumerateArray(), c => c.GetProperty("policyId").GetGuid() == loaded.PolicyId);
    }

    private async Task<HashSet<Guid>> OverdueAsync(string district)
    {
        var overdue = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get,
            $"/api/intents/overdue?district={Uri.EscapeDataString(district)}&pageSize=200");
        return overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("intent").GetProperty("id").GetGuid()).ToHashSet();
    }
}
