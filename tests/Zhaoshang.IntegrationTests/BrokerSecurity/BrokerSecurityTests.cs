using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.IntegrationTests.BrokerSecurity;

/// <summary>
/// Each broker identity may do only its own part, on the real broker: RabbitMQ refuses the rest, and what it lets through
/// under a false name the consumer refuses or ignores; either way nothing changes.
/// </summary>
[Collection(SystemCollection.Name)]
public class BrokerSecurityTests(SystemFixture system)
{
    private const string DecisionQueue = "approval-approval-decision-reported";
    private static readonly string Lead = TestEnvironment.ServiceBrokerUser("Lead");
    private static readonly string Funding = TestEnvironment.ServiceBrokerUser("Funding");
    private static readonly string Tzxm = TestEnvironment.SystemBrokerUser(ApprovalSystem.Name);
    private static readonly string YunnanEia = TestEnvironment.SystemBrokerUser(ApprovalSystem.Throttled);

    [Fact]
    public async Task Every_users_permissions_are_the_ones_the_route_map_gives_it_and_none_may_use_the_management_api()
    {
        using var management = Broker.Management();
        var granted = (await management.GetFromJsonAsync<JsonElement[]>($"vhosts/{Uri.EscapeDataString(TestEnvironment.VirtualHost)}/permissions"))!
            .ToDictionary(p => p.GetProperty("user").GetString()!,
                p => (p.GetProperty("configure").GetString(), p.GetProperty("write").GetString(), p.GetProperty("read").GetString()));
        var expected = new BrokerTopology(BrokerTopology.Routes, [ApprovalSystem.Name, ApprovalSystem.Throttled])
            .Permissions(new BrokerIdentities(TestEnvironment.BrokerSuffix)).ToList();

        Assert.Equal(expected.Select(p => p.User).Append(TestEnvironment.BrokerAdmin).Order(), granted.Keys.Order());
        foreach (var permission in expected)
            Assert.Equal((permission.Configure, permission.Write, permission.Read), granted[permission.User]);
        var users = (await management.GetFromJsonAsync<JsonElement[]>("users"))!
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("tags").ToString());
        Assert.DoesNotContain("guest", users.Keys);
        Assert.All(expected, p => Assert.Equal("[]", users[p.User]));
        Assert.Equal(2, expected.Count(p => p.User.StartsWith("zs_system_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_service_can_neither_publish_another_services_events_nor_write_to_or_delete_another_services_queue()
    {
        var messageId = Guid.NewGuid();
        var termination = new ProjectStateChanged(Guid.NewGuid(), "Signed", "Terminated", "伪造的终止", "安宁市", null, "新材料",
            DateOnly.FromDateTime(DateTime.Today), DateTimeOffset.UtcNow, 99);
        var body = JsonSerializer.Serialize(new
        {
            messageId, messageType = new[] { "urn:message:Zhaoshang.Contracts:ProjectStateChanged" }, message = termination,
        });
        const string FundingQueue = "funding-project-state-changed";

        Refused(await Broker.RefusalAsync(() => system.Broker.PublishAsync(messageId, termination, Funding)), Funding);
        Refused(await Broker.RefusalAsync(() => system.Broker.PublishRawAsync(FundingQueue, messageId.ToString(), body, Lead)), Lead);
        await using (var connection = await Broker.ConnectAsync(Lead))
        {
            Refused(await Broker.RefusalAsync(async () =>
            {
                await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
                await channel.BasicPublishAsync("", FundingQueue, mandatory: false, new BasicProperties { UserId = Lead },
                    Encoding.UTF8.GetBytes(body));
            }), Lead);
            Refused(await Broker.RefusalAsync(async () =>
            {
                await using var channel = await connection.CreateChannelAsync();
                await channel.QueueDeleteAsync(FundingQueue);
            }), Lead);
        }

        Assert.True(await system.Broker.QueueExistsAsync(FundingQueue));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, await system.ScalarAsync<int>(system.Funding,
            "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
    }

    [Fact]
    public async Task An_approval_system_cannot_decide_in_another_systems_name()
    {
        var projectId = Guid.NewGuid();
        var forged = new ApprovalDecisionReported(
            ApprovalSystem.Throttled, $"FORGED-{Guid.NewGuid():N}", projectId, "eia-form", "Granted", DateTimeOffset.UtcNow, null, "冒名批复");
        var inBody = Guid.NewGuid();
        var unnamed = Guid.NewGuid();

        // The body names yunnan-eia, the broker knows it came from tzxm: refused by the consumer, to the _error queue.
        await system.Broker.PublishAsync(inBody, forged, Tzxm);
        // No user_id at all: nobody can tell which system sent it, so it is refused the same way.
        await system.Broker.PublishRawAsync(BrokerTopology.ExchangeOf(typeof(ApprovalDecisionReported)), unnamed.ToString(),
            Envelope(unnamed, forged), Tzxm, Broker.NoUserId);
        // Claiming yunnan-eia's user_id: RabbitMQ itself refuses it.
        Assert.Contains("user_id", await Broker.RefusalAsync(() => system.Broker.PublishRawAsync(
            BrokerTopology.ExchangeOf(typeof(ApprovalDecisionReported)), Guid.NewGuid().ToString(), Envelope(Guid.NewGuid(), forged),
            Tzxm, YunnanEia)));

        var refused = await Eventually.AssertAsync(() => system.Broker.PeekAsync($"{DecisionQueue}_error"),
            queued => new[] { inBody, unnamed }.All(id => queued.Any(m => m.MessageId == id.ToString())),
            "both forgeries are refused to the error queue");
        Assert.Contains("was published by 'tzxm'",
            refused.Single(m => m.MessageId == inBody.ToString()).Headers["MT-Fault-Message"]);
        Assert.Equal(0, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM external_decisions WHERE decision_id = @DecisionId", new { forged.DecisionId }));
        Assert.Equal(0, await system.ScalarAsync<int>(system.Approval,
            "SELECT count(*) FROM audit_log WHERE after::text LIKE '%' || @DecisionId || '%'", new { forged.DecisionId }));
    }

    [Fact]
    public async Task An_actor_header_on_a_message_that_no_service_sent_is_ignored()
    {
        var decision = new ApprovalDecisionReported(
            ApprovalSystem.Name, $"ACTOR-{Guid.NewGuid():N}", Guid.NewGuid(), "eia-form", "Granted", DateTimeOffset.UtcNow, null, "环评批复");
        var forgedActor = JsonSerializer.Serialize(new { subject = "forged-bureau-director", role = "bureau" }, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        await system.Broker.PublishAsync(Guid.NewGuid(), decision, Tzxm, new Dictionary<string, object?> { ["Zhaoshang-Actor"] = forgedActor });

        var actor = await Eventually.AssertAsync(() => system.ScalarAsync<string?>(system.Approval,
                """
                SELECT a.actor_subject || '/' || a.actor_role FROM audit_log a JOIN external_decisions d ON d.id = a.record_id
                WHERE d.system = @System AND d.decision_id = @DecisionId AND a.action = 'received'
                """, new { decision.System, decision.DecisionId }),
            found => found is not null, "the decision is received");
        Assert.Equal($"{ApprovalSystem.Name}/approval-system", actor);
    }

    [Fact]
    public async Task No_user_can_read_a_queue_that_is_not_its_own()
    {
        var otherSystemsQueue = BrokerTopology.ApprovalSystemQueue(ApprovalSystem.Throttled);
        var before = (await system.Broker.PeekAsync(otherSystemsQueue)).Count;

        await using (var tzxm = await Broker.ConnectAsync(Tzxm))
        {
            Refused(await Broker.RefusalAsync(() => GetAsync(tzxm, otherSystemsQueue)), Tzxm);
            Assert.Null(await Broker.RefusalAsync(() => GetAsync(tzxm, BrokerTopology.ApprovalSystemQueue(ApprovalSystem.Name))));
        }

        await using (var lead = await Broker.ConnectAsync(Lead))
        {
            Refused(await Broker.RefusalAsync(() => GetAsync(lead, "funding-project-state-changed")), Lead);
            Refused(await Broker.RefusalAsync(() => GetAsync(lead, otherSystemsQueue)), Lead);
        }

        Assert.Equal(before, (await system.Broker.PeekAsync(otherSystemsQueue)).Count);
    }

    private static async Task GetAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        if (await channel.BasicGetAsync(queue, autoAck: false) is { } result)
            await channel.BasicNackAsync(result.DeliveryTag, multiple: false, requeue: true);
    }

    private static void Refused(string? refusal, string user)
    {
        Assert.NotNull(refusal);
        Assert.Contains("ACCESS_REFUSED", refusal);
        Assert.Contains(user, refusal);
    }

    private static string Envelope(Guid messageId, ApprovalDecisionReported decision) => JsonSerializer.Serialize(new
    {
        messageId, messageType = new[] { "urn:message:Zhaoshang.Contracts:ApprovalDecisionReported" }, message = decision,
    }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
