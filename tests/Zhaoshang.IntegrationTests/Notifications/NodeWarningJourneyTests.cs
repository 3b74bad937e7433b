using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Notifications;

/// <summary>
/// The whole path of a warning: a project's node turns yellow, then red, on the moved clock; the project service raises
/// it and the notification service gets it to the node's owner — one inbox item, one robot message, one e-mail for the
/// red warning — and still one of each after the same warning message arrives twice more.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class NodeWarningJourneyTests(SystemFixture system, NotificationReceivers receivers) : IClassFixture<NotificationReceivers>
{
    [Fact]
    public async Task A_node_going_red_reaches_its_owner_once_by_inbox_robot_and_email_even_when_its_warning_comes_three_times()
    {
        var district = NotificationDeliveryTests.NewDistrict();
        var (owner, ownerClient) = await NotificationReceivers.StaffAsync(system, "district", district);
        var email = $"{owner}@example.gov.cn";
        (await ownerClient.PutAsJsonAsync("/api/notification-preferences/me", new { email, emailEnabled = true })).EnsureSuccessStatusCode();
        var robot = $"wecom-{owner}";
        using var bureauNotifications = system.Client(system.Notification);
        (await bureauNotifications.PostAsJsonAsync("/api/notification-channels", new
        {
            name = $"{district}招商群", kind = "wecom", target = receivers.Robots.Url(robot), secret = (string?)null, scopeKind = "district",
            scopeValue = district, minGrade = "red", enabled = true,
        })).EnsureSuccessStatusCode();

        var bureau = new Journey(system);
        await using var clock = await system.ShiftClockAsync(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8)), system.Project);
        var projectId = await bureau.SignedProjectAsync(district: district);
        var plan = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}/nodes");
        var registered = plan.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "registered");
        var nodeId = registered.GetProperty("id").GetGuid();
        await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, $"/api/projects/{projectId}/nodes/{nodeId}/owner",
            new { owner, ownerName = "区招商专员", version = registered.GetProperty("version").GetInt32() });

        // Planned for Friday 4 December: yellow on the 1st (3 working days left), red on Monday the 7th.
        await system.ShiftClockAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)), system.Project);
        var yellowKey = WarningGrades.WarningKey($"node:{nodeId}", new DateOnly(2026, 12, 4), WarningGrades.Yellow);
        await InboxItemAsync(ownerClient, yellowKey);
        await system.ShiftClockAsync(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8)), system.Project);
        var redKey = WarningGrades.WarningKey($"node:{nodeId}", new DateOnly(2026, 12, 4), WarningGrades.Red);
        await InboxItemAsync(ownerClient, redKey);
        await Eventually.AssertAsync(() => Task.FromResult(receivers.Mail.To(email).Count(m => m.Subject?.Contains("红色预警") == true)),
            count => count == 1, "the owner gets the red warning by e-mail");
        await Eventually.AssertAsync(() => Task.FromResult(receivers.Robots.Of(robot).Count), count => count == 1,
            "the district's robot gets the red warning");

        // The same warning message twice more: once redelivered with its own id, once published anew.
        var body = await system.ScalarAsync<string>(system.Project,
            "SELECT body::text FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.WarningRaised' AND body->>'warningKey' = @redKey",
            new { redKey });
        var red = JsonSerializer.Deserialize<WarningRaised>(body, JsonSerializerOptions.Web)!;
        var messageId = Guid.NewGuid();
        await system.Broker.PublishAsync(messageId, red);
        await system.Broker.PublishAsync(messageId, red);
        await system.Broker.PublishAsync(Guid.NewGuid(), red);
        await Eventually.AssertAsync(() => system.ScalarAsync<int>(system.Notification,
                "SELECT count(*)::int FROM inbox_messages WHERE message_id = @messageId", new { messageId }),
            count => count > 0, "the notification service took the repeated warning");
        await Task.Delay(TimeSpan.FromSeconds(2)); // several dispatcher rounds, had anything planned a second copy

        var inbox = await ownerClient.GetFromJsonAsync<JsonElement>("/api/inbox?pageSize=100");
        Assert.Single(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == redKey);
        Assert.Single(receivers.Robots.Of(robot));
        var mail = Assert.Single(receivers.Mail.To(email), m => m.Subject?.Contains("红色预警") == true);
        Assert.Contains(red.Title, mail.Subject);
    }

    private static Task<JsonElement> InboxItemAsync(HttpClient owner, string key) =>
        Eventually.AssertAsync(
            async () => (await owner.GetFromJsonAsync<JsonElement>("/api/inbox?pageSize=100")).GetProperty("items").EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("key").GetString() == key),
            item => item.ValueKind == JsonValueKind.Object, $"{key} reaches the owner's inbox");
}
