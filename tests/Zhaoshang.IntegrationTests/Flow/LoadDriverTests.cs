using Xunit.Abstractions;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Load;

namespace Zhaoshang.IntegrationTests.Flow;

/// <summary>
/// The benchmark's driver at a small N: every project, driven concurrently through the whole flow, must end in
/// production with exactly the expected timeline, its funds and one incentive claim. Correctness only, not speed.
/// </summary>
[Collection(SystemCollection.Name)]
public class LoadDriverTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_projects_driven_at_once_all_reach_production_with_the_expected_timeline()
    {
        using var client = new FlowClient(
            SystemUnderLoad.OnLoopback(system.Lead.Port, new DriverTokens(Tokens.Bureau, Tokens.For("finance")), ApprovalSystem.Name, ApprovalSystem.Secret), TimeSpan.FromSeconds(30));
        var options = new FlowOptions();
        var policyId = await IncentivePolicies.OpenForRunAsync(client, 20);

        var (records, wall) = await FlowRun.RunAsync(new ProjectFlow(client, options), count: 20, concurrency: 10);

        var verifier = new FlowVerifier(client, options, policyId);
        var problems = new List<string>();
        foreach (var record in records)
            problems.AddRange((await verifier.VerifyAsync(record)).Select(p => $"project #{record.Number} {record.ProjectId}: {p}"));
        output.WriteLine($"20 projects in {wall.TotalSeconds:0.0} s; land → construction max {records.Max(r => r.LandToConstruction)?.TotalMilliseconds:0} ms");
        Assert.Empty(problems);
        Assert.All(records, r => Assert.InRange(r.LandToConstruction!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(60)));
        Assert.All(records, r => Assert.NotEmpty(r.WebhookLatencies));
        // The suite's approval system keeps its production rate limit, so the driver may meet 429 and wait; nothing else.
        Assert.DoesNotContain(client.Retries.Keys, cause => cause != "HTTP 429");
    }
}
