using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.IntegrationTests.Delivery;

/// <summary>
/// Provisioning declares the whole topology before any service runs (no service may declare another's queues), so
/// nothing goes to an exchange with no queue behind it; and what the broker cannot route is returned, not marked sent.
/// </summary>
[Collection(SystemCollection.Name)]
public class BrokerTopologyTests(SystemFixture system)
{
    private const string ConversionQueue = "project-cooperation-intent-converted";

    /// <summary>
    /// Each quorum queue holds files open, and every environment on the machine has about a hundred: with the login
    /// shell's 1024 open files (its file_handle_cache then allowing 927), the node held 1,104 at boot and blocked every new
    /// connection and CLI command. infra.sh starts it with the hard limit (deploy/local/rabbitmq-start.sh).
    /// </summary>
    [Fact]
    public async Task The_broker_node_may_open_enough_files_for_the_machines_quorum_queues()
    {
        using var management = Broker.Management();
        var nodes = (await management.GetFromJsonAsync<JsonElement[]>("nodes"))!;
        Assert.All(nodes, node => Assert.True(node.GetProperty("fd_total").GetInt64() >= 8192,
            $"{node.GetProperty("name").GetString()} may open {node.GetProperty("fd_total").GetInt64()} files"));
    }

    [Fact]
    public async Task Every_queue_of_the_topology_is_a_quorum_queue_that_its_service_consumes_and_any_other_is_a_temporary_classic_queue()
    {
        var topology = new BrokerTopology(BrokerTopology.Routes, [ApprovalSystem.Name, ApprovalSystem.Throttled]);
        var serviceQueues = BrokerTopology.Routes.SelectMany(r => r.Services.Select(s => BrokerTopology.QueueOf(s, r.Message))).ToHashSet();
        var declared = topology.Queues().Select(q => q.Queue)
            .Concat(serviceQueues.SelectMany(q => BrokerTopology.SetAsideSuffixes.Select(suffix => q + suffix))).ToHashSet();
        using var management = Broker.Management();

        // A service whose declaration disagreed with provisioning's (PRECONDITION_FAILED on x-queue-type) would not consume.
        var queues = await Eventually.AssertAsync(
            async () => (await management.GetFromJsonAsync<JsonElement[]>($"queues/{Uri.EscapeDataString(TestEnvironment.VirtualHost)}"))!
                .ToDictionary(q => q.GetProperty("name").GetString()!),
            found => serviceQueues.All(q => found.TryGetValue(q, out var queue) && queue.GetProperty("consumers").GetInt32() > 0),
            "every service consumes from each of its queues");

        Assert.All(declared, name => Assert.Equal("quorum", queues[name].GetProperty("type").GetString()));
        // MassTransit's bus queue of a process exists only once something needed it (a request's response).
        var others = queues.Values.Where(q => !declared.Contains(q.GetProperty("name").GetString()!));
        Assert.All(others, q => Assert.Equal(("classic", true),
            (q.GetProperty("type").GetString(), q.GetProperty("auto_delete").GetBoolean())));
    }

    [Fact]
    public async Task A_message_for_a_service_that_has_not_started_yet_waits_in_its_queue()
    {
        var journey = new Journey(system);
        Guid projectId;
        try
        {
            // A broker the project service has never connected to: provisioning alone declared its queue.
            system.Project.Kill();
            await system.Broker.DeleteEndpointAsync(ConversionQueue);
            await system.Broker.RestoreTopologyAsync();
            Assert.True(await system.Broker.QueueExistsAsync(ConversionQueue), "provisioning declares the project service's queue");

            projectId = await journey.StartProjectAsync();
            await Eventually.AssertAsync(
                () => system.Broker.PeekAsync(ConversionQueue),
                queued => queued.Any(m => m.Body.Contains(projectId.ToString())),
                "the conversion waits in the queue of the service that has not started");
        }
        finally
        {
            if (!system.Project.IsRunning)
                await system.Project.StartAsync();
        }

        await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating",
            "the project service creates the project once it starts");
    }

    [Fact]
    public async Task An_approval_systems_submissions_wait_in_its_queue_while_it_is_not_connected()
    {
        string[] approvalSystems = [ApprovalSystem.Name, ApprovalSystem.Throttled];
        foreach (var approvalSystem in approvalSystems)
            await system.Broker.PurgeAsync($"approval-system-{approvalSystem}");
        var journey = new Journey(system);
        var projectId = await journey.SignedProjectAsync();

        var submissions = await Eventually.AssertAsync(
            () => system.ScalarAsync<int>(system.Approval,
                """
                SELECT count(*) FROM outbox_messages
                WHERE message_type = 'Zhaoshang.Contracts.ApprovalSubmissionRequested' AND body->>'projectId' = @Id AND sent_at IS NOT NULL
                """,
                new { Id = projectId.ToString() }),
            sent => sent > 0, "the approval service sends the submissions of the items that opened");
        foreach (var approvalSystem in approvalSystems)
        {
            var queue = $"approval-system-{approvalSystem}";
            var queued = await system.Broker.PeekAsync(queue);
            Assert.Equal(submissions, queued.Count(m => m.Body.Contains(projectId.ToString())));
            Assert.All(queued, m => Assert.Contains("ApprovalSubmissionRequested", m.Body));
        }
    }

    [Fact]
    public async Task An_unroutable_publish_is_not_marked_sent_and_goes_out_once_provisioning_declared_the_topology_again()
    {
        var journey = new Journey(system);
        Guid projectId;
        try
        {
            // The queue disappears after provisioning (an operator's mistake, a broker restored without it), so the next
            // conversion has nowhere to go; the lead service may not declare it, so it waits until the topology is back.
            system.Project.Kill();
            await system.Broker.DeleteEndpointAsync(ConversionQueue);
            projectId = await journey.StartProjectAsync();
            var id = projectId.ToString();
            const string Conversion =
                "FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.CooperationIntentConverted' AND body->>'projectId' = @id";

            await Eventually.AssertAsync(
                () => system.ScalarAsync<bool>(system.Lead, $"SELECT failures >= 1 AND sent_at IS NULL {Conversion}", new { id }),
                returned => returned, "the broker returns the conversion and the relay keeps it unsent");
            await system.Broker.RestoreTopologyAsync();
            await Eventually.AssertAsync(
                () => system.ScalarAsync<bool>(system.Lead, $"SELECT sent_at IS NOT NULL {Conversion}", new { id }),
                sent => sent, "the conversion goes out once provisioning declared the topology again", TimeSpan.FromSeconds(60));
            await Eventually.AssertAsync(
                () => system.Broker.PeekAsync(ConversionQueue),
                queued => queued.Any(m => m.Body.Contains(id)), "the conversion waits in the declared queue");
            Assert.Contains("unroutable", await system.ScalarAsync<string>(system.Lead,
                "SELECT last_error FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.CooperationIntentConverted' AND body->>'projectId' = @id AND failures >= 1",
                new { id }));
        }
        finally
        {
            if (!system.Project.IsRunning)
                await system.Project.StartAsync();
        }

        await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating",
            "the project service creates the project");
    }
}
