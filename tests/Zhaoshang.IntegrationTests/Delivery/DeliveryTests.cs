using System.Net;
using Npgsql;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Delivery;

/// <summary>At-least-once delivery with exactly-once effects: duplicates, a stopped relay, killed services.</summary>
[Collection(SystemCollection.Name)]
public class DeliveryTests(SystemFixture system)
{
    [Fact]
    public async Task A_message_delivered_twice_is_applied_once()
    {
        var messageId = Guid.NewGuid();
        var conversion = new CooperationIntentConverted(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "隆基绿能（曲靖）", TestData.NewUscc(), "光伏", 3_500_000_000m,
            "曲靖经开区", "曲靖经开区", new IntentTaskTeam("张明", ["李华", "王芳"], "曲靖市投资促进局"), DateTimeOffset.UtcNow);
        await system.Broker.PublishAsync(messageId, conversion);
        await system.Broker.PublishAsync(messageId, conversion);

        var journey = new Journey(system);
        await journey.WaitForProjectAsync(conversion.ProjectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        await Eventually.AssertAsync(
            () => system.ScalarAsync<int>(system.Project,
                "SELECT duplicate_count FROM inbox_messages WHERE message_id = @messageId", new { messageId }),
            count => count == 1, "the second delivery reaches the inbox and is recognised as a duplicate");
        Assert.Equal(1, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM projects WHERE intent_id = @IntentId", new { conversion.IntentId }));
        Assert.Equal(1, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM project_timeline WHERE project_id = @ProjectId", new { conversion.ProjectId }));
    }

    [Fact]
    public async Task A_message_the_relay_publishes_again_changes_nothing_downstream()
    {
        var journey = new Journey(system);
        var projectId = await journey.StartProjectAsync();
        await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        await journey.SignAsync(projectId);
        await journey.WaitForProjectAsync(projectId, p => p.GetProperty("approval").ValueKind == System.Text.Json.JsonValueKind.Object && p.GetProperty("funding").ValueKind == System.Text.Json.JsonValueKind.Object, "approval case and ledger are open");

        // A relay that crashed after the broker confirmed but before marking the row sent publishes it again.
        var signedMessageId = await system.ScalarAsync<Guid>(system.Project,
            "SELECT id FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.ProjectSigned' AND body->>'projectId' = @Id",
            new { Id = projectId.ToString() });
        await system.ExecuteAsync(system.Project,
            "UPDATE outbox_messages SET sent_at = NULL WHERE id = @signedMessageId; NOTIFY zhaoshang_outbox;", new { signedMessageId });

        foreach (var (service, consumer) in new[] { (system.Approval, "ProjectSignedConsumer"), (system.Funding, "ProjectSignedConsumer") })
        {
            await Eventually.AssertAsync(
                () => system.ScalarAsync<int>(service,
                    "SELECT duplicate_count FROM inbox_messages WHERE message_id = @signedMessageId AND consumer = @consumer",
                    new { signedMessageId, consumer }),
                count => count == 1, $"{service.Name} receives the re-published message as a duplicate");
        }

        Assert.Equal(1, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM approval_cases WHERE project_id = @projectId", new { projectId }));
        Assert.Equal(9, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM approval_items i JOIN approval_cases c ON c.id = i.case_id WHERE c.project_id = @projectId", new { projectId }));
        Assert.Equal(1, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.ApprovalCaseOpened' AND body->>'projectId' = @Id",
            new { Id = projectId.ToString() }));
        Assert.Equal(1, await system.ScalarAsync<int>(system.Funding,
            "SELECT count(*) FROM funding_ledgers WHERE project_id = @projectId", new { projectId }));
    }

    [Fact]
    public async Task A_relay_stopped_between_commit_and_publish_loses_nothing()
    {
        var journey = new Journey(system);
        Guid projectId;
        try
        {
            await system.Lead.RestartAsync(new Dictionary<string, string> { ["Outbox__RelayEnabled"] = "false" });
            await using var notifications = await OutboxNotifications.ListenAsync(system.Lead.Name);
            projectId = await journey.StartProjectAsync();

            Assert.Equal(1, await system.ScalarAsync<int>(system.Lead,
                "SELECT count(*) FROM outbox_messages WHERE body->>'projectId' = @Id AND sent_at IS NULL",
                new { Id = projectId.ToString() }));
            // An instance without a relay wakes the other instances' relays through PostgreSQL.
            await Eventually.AssertAsync(() => Task.FromResult(notifications.Count), count => count > 0,
                "the commit notifies the other instances' relays");
            await Task.Delay(TimeSpan.FromSeconds(1)); // give a wrongly running relay the chance to publish
            using var notYet = await journey.SendAsync(system.Project, HttpMethod.Get, $"/api/projects/{projectId}");
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }
        finally
        {
            await system.Lead.RestartAsync();
        }

        await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating",
            "the restarted relay publishes the conversion");
        await Eventually.AssertAsync(
            () => system.ScalarAsync<int>(system.Lead,
                "SELECT count(*) FROM outbox_messages WHERE body->>'projectId' = @Id AND sent_at IS NULL", new { Id = projectId.ToString() }),
            pending => pending == 0, "the relay marks the message sent once the broker confirmed it");
    }

    [Fact]
    public async Task A_commit_wakes_its_own_instances_relay_without_a_notification_from_PostgreSQL()
    {
        var journey = new Journey(system);
        try
        {
            // A relay that polls once an hour: only the wake of the commit itself publishes in time.
            await system.Lead.RestartAsync(new Dictionary<string, string> { ["Outbox__FallbackPollInterval"] = "01:00:00" });
            await using var notifications = await OutboxNotifications.ListenAsync(system.Lead.Name);
            // The first may go out with the relay's first batch after the start; the second is committed while it waits.
            foreach (var _ in Enumerable.Range(0, 2))
            {
                var projectId = await journey.StartProjectAsync();
                await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating",
                    "the relay woken by the commit publishes the conversion");
            }

            // A notifying commit would have held PostgreSQL's one notify lock through its disk flush (OutboxWake).
            Assert.Equal(0, notifications.Count);
        }
        finally
        {
            await system.Lead.RestartAsync();
        }
    }

    [Fact]
    public async Task Services_killed_mid_flow_finish_it_when_started_again()
    {
        var journey = new Journey(system);
        Guid projectId;
        try
        {
            system.Project.Kill();
            projectId = await journey.StartProjectAsync();
            await Eventually.AssertAsync(
                () => system.Broker.PeekAsync("project-cooperation-intent-converted"),
                queued => queued.Any(m => m.Body.Contains(projectId.ToString())),
                "the conversion waits in the project service's durable queue");
        }
        finally
        {
            await system.Project.StartAsync();
        }

        await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project is created after the restart");

        try
        {
            system.Approval.Kill();
            await journey.SignAsync(projectId);
        }
        finally
        {
            await system.Approval.StartAsync();
        }

        var project = await journey.WaitForProjectAsync(projectId,
            p => p.GetProperty("approval").ValueKind == System.Text.Json.JsonValueKind.Object
                 && p.GetProperty("funding").ValueKind == System.Text.Json.JsonValueKind.Object,
            "approval case and ledger open after the approval service is back");
        Assert.Equal("Signed", project.GetProperty("state").GetString());
    }

    /// <summary>Counts the notifications on the outbox relay's channel in one service's database.</summary>
    private sealed class OutboxNotifications : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _listening;
        private int _count;

        private OutboxNotifications(NpgsqlConnection connection)
        {
            _connection = connection;
            _connection.Notification += (_, _) => Interlocked.Increment(ref _count);
            _listening = ListenUntilStoppedAsync();
        }

        public int Count => Volatile.Read(ref _count);

        public static async Task<OutboxNotifications> ListenAsync(string service)
        {
            var connection = new NpgsqlConnection(TestEnvironment.ConnectionString(service));
            await connection.OpenAsync();
            await using (var listen = new NpgsqlCommand("LISTEN zhaoshang_outbox", connection))
                await listen.ExecuteNonQueryAsync();
            return new OutboxNotifications(connection);
        }

        private async Task ListenUntilStoppedAsync()
        {
            try
            {
                while (true)
                    await _connection.WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _listening;
            await _connection.DisposeAsync();
            _stop.Dispose();
        }
    }
}
