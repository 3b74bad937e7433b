using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Delivery;

/// <summary>
/// Every service declares the whole topology before it publishes, so nothing goes to an exchange with no queue behind it;
/// and what the broker cannot route is returned, not marked sent.
/// </summary>
[Collection(SystemCollection.Name)]
public class BrokerTopologyTests(SystemFixture system)
{
    private const string ConversionQueue = "project-cooperation-intent-converted";

    [Fact]
    public async Task A_message_for_a_service_that_has_not_started_yet_waits_in_its_queue()
    {
        var journey = new Journey(system);
        Guid projectId;
        try
        {
            // A broker the project service has never connected to: its queue does not exist.
            system.Project.Kill();
            await system.Broker.DeleteEndpointAsync(ConversionQueue);
            await system.Lead.RestartAsync();
            await Eventually.AssertAsync(() => system.Broker.QueueExistsAsync(ConversionQueue), exists => exists,
                "the lead service declares the project service's queue at startup, before it publishes anything");

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
    public async Task An_unroutable_publish_is_not_marked_sent_and_goes_out_once_the_topology_is_declared_again()
    {
        var journey = new Journey(system);
        Guid projectId;
        try
        {
            // The lead service declared the topology when it started; the queue disappears afterwards (an operator's
            // mistake, a broker restored without it), so its next conversion has nowhere to go.
            system.Project.Kill();
            await system.Broker.DeleteEndpointAsync(ConversionQueue);
            projectId = await journey.StartProjectAsync();
            var id = projectId.ToString();

            await Eventually.AssertAsync(
                () => system.ScalarAsync<bool>(system.Lead,
                    "SELECT sent_at IS NOT NULL FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.CooperationIntentConverted' AND body->>'projectId' = @id",
                    new { id }),
                sent => sent, "the conversion goes out once the relay declared the topology again", TimeSpan.FromSeconds(60));
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
