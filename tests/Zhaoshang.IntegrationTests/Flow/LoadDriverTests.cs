using Xunit.Abstractions;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Load;
using Zhaoshang.Load.MessagingCore;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.IntegrationTests.Flow;

/// <summary>
/// The benchmark's driver at a small N: every project, driven concurrently through the whole flow, must end in
/// production with exactly the expected timeline, its funds and one incentive claim; and its messaging core at a small
/// count, each message's effect committed exactly once. Correctness only, not speed.
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

    [Fact]
    public async Task The_messaging_core_carries_every_message_from_outbox_to_inbox_and_effect_once()
    {
        var administrator = new RabbitMqOptions
        {
            VirtualHost = TestEnvironment.VirtualHost, Username = TestEnvironment.BrokerAdmin,
            Password = TestEnvironment.BrokerPassword(TestEnvironment.BrokerAdmin),
        };

        var core = await MessagingCoreRun.RunAsync(TestEnvironment.ConnectionString("Lead"), administrator, messages: 300, producers: 4, TimeSpan.FromMinutes(2));

        output.WriteLine($"{core.Messages} messages in {core.Wall.TotalSeconds:0.0} s, {core.TransactionsPerMessage:0.00} transactions per message");
        Assert.Equal(0, core.Missing);
        // A second effect of a message would fail on the effects table's key and end, after its retries, set aside.
        Assert.Equal(0, core.SetAside);
    }
}
