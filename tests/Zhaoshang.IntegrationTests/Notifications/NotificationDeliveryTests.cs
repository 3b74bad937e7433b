using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Notifications;

/// <summary>
/// Warnings published through the real broker reach their owner once in the inbox, once per robot and once by e-mail,
/// however often the message comes; a robot that fails is shown failed and retried with backoff until it takes it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class NotificationDeliveryTests(SystemFixture system, NotificationReceivers receivers) : IClassFixture<NotificationReceivers>
{
    private const string Secret = "SEC-test-dingtalk-signing-secret";

    [Fact]
    public async Task A_warning_reaches_its_owner_once_in_the_inbox_by_robot_and_by_email_however_often_it_comes()
    {
        var district = NewDistrict();
        var (owner, ownerClient) = await NotificationReceivers.StaffAsync(system, "district", district);
        var email = $"{owner}@example.gov.cn";
        (await ownerClient.PutAsJsonAsync("/api/notification-preferences/me", new { email, emailEnabled = true })).EnsureSuccessStatusCode();
        var (ding, wecom) = ($"ding-{owner}", $"wecom-{owner}");
        receivers.Robots.SignedWith(ding, Secret);
        using var bureau = system.Client(system.Notification);
        await CreateChannelAsync(bureau, "dingtalk", receivers.Robots.Url(ding), district, "yellow", Secret);
        await CreateChannelAsync(bureau, "wecom", receivers.Robots.Url(wecom), district, "red");

        var warning = Warning(district, [owner], WarningGrades.Red, new DateOnly(2026, 11, 6), new DateTimeOffset(2026, 11, 9, 2, 0, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();
        await system.Broker.PublishAsync(messageId, warning);
        await system.Broker.PublishAsync(messageId, warning);
        await system.Broker.PublishAsync(Guid.NewGuid(), warning);

        await Eventually.AssertAsync(() => DeliveriesAsync(bureau, warning.WarningKey),
            d => d.Count == 3 && d.All(x => x.GetProperty("status").GetString() == "sent"), "the robots and the e-mail are sent");
        // Time for a second copy to go out, had anything planned one: several dispatcher rounds.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var signed = Assert.Single(receivers.Robots.Of(ding));
        Assert.True(signed.SignatureValid);
        Assert.Equal("markdown", signed.Body.GetProperty("msgtype").GetString());
        Assert.Contains(warning.Title, signed.Body.GetProperty("markdown").GetProperty("title").GetString());
        Assert.Contains($"{SystemFixture.GatewayAddress.TrimEnd('/')}{warning.Link}", signed.Body.GetProperty("markdown").GetProperty("text").GetString());
        var group = Assert.Single(receivers.Robots.Of(wecom));
        Assert.Contains("红色预警", group.Body.GetProperty("markdown").GetProperty("content").GetString());
        var mail = Assert.Single(receivers.Mail.To(email));
        Assert.Contains(warning.Title, mail.Subject);

        var inbox = await ownerClient.GetFromJsonAsync<JsonElement>("/api/inbox");
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(warning.WarningKey, item.GetProperty("key").GetString());
        Assert.Equal(1, await UnreadAsync(ownerClient));
        (await ownerClient.PostAsync($"/api/inbox/{item.GetProperty("id").GetGuid()}/read", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, await UnreadAsync(ownerClient));
        Assert.Equal(1, await system.ScalarAsync<int>(system.Notification,
            "SELECT duplicate_count FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
    }

    [Fact]
    public async Task A_failing_robot_shows_as_failed_with_its_error_and_is_retried_with_backoff_until_it_succeeds()
    {
        var district = NewDistrict();
        var robot = $"flaky-{Guid.NewGuid():N}";
        receivers.Robots.FailFirst(robot, 2);
        using var bureau = system.Client(system.Notification);
        await CreateChannelAsync(bureau, "wecom", receivers.Robots.Url(robot), district, "yellow");
        var warning = Warning(district, [], WarningGrades.Yellow, new DateOnly(2026, 11, 20), DateTimeOffset.UtcNow);
        await system.Broker.PublishAsync(Guid.NewGuid(), warning);

        var failed = await Eventually.AssertAsync(() => DeliveriesAsync(bureau, warning.WarningKey, "failed"), d => d.Count == 1,
            "the delivery shows as failed");
        Assert.Contains("310000", failed[0].GetProperty("lastError").GetString());
        var sent = await Eventually.AssertAsync(() => DeliveriesAsync(bureau, warning.WarningKey, "sent"), d => d.Count == 1,
            "the delivery is sent at its third attempt");
        Assert.Equal(3, sent[0].GetProperty("attempts").GetInt32());
        var calls = receivers.Robots.Of(robot);
        Assert.Equal(3, calls.Count);
        // Backoff 1 s, then 2 s (Notifications:Delivery:InitialBackoff doubling), less the dispatcher's polling slack.
        Assert.InRange((calls[1].ReceivedAt - calls[0].ReceivedAt).TotalSeconds, 0.9, 3.5);
        Assert.InRange((calls[2].ReceivedAt - calls[1].ReceivedAt).TotalSeconds, 1.9, 5.0);
        var retrySent = await bureau.PostAsync($"/api/notification-deliveries/{sent[0].GetProperty("id").GetGuid()}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, retrySent.StatusCode);
    }

    [Fact]
    public async Task A_delivery_that_used_up_its_attempts_waits_for_an_operator_and_goes_out_on_retry()
    {
        var district = NewDistrict();
        var robot = $"down-{Guid.NewGuid():N}";
        receivers.Robots.FailFirst(robot, 3);
        using var bureau = system.Client(system.Notification);
        await CreateChannelAsync(bureau, "wecom", receivers.Robots.Url(robot), district, "yellow");
        var warning = Warning(district, [], WarningGrades.Red, new DateOnly(2026, 11, 20), DateTimeOffset.UtcNow);
        await system.Broker.PublishAsync(Guid.NewGuid(), warning);

        var stopped = await Eventually.AssertAsync(() => DeliveriesAsync(bureau, warning.WarningKey, "failed"),
            d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() == 3 && d[0].GetProperty("nextAttemptAt").ValueKind == JsonValueKind.Null,
            "the delivery stops after its three attempts");
        using var districtStaff = system.Client(system.Notification, Tokens.For("district", "安宁市"));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await districtStaff.PostAsync($"/api/notification-deliveries/{stopped[0].GetProperty("id").GetGuid()}/retry", null)).StatusCode);
        (await bureau.PostAsync($"/api/notification-deliveries/{stopped[0].GetProperty("id").GetGuid()}/retry", null)).EnsureSuccessStatusCode();
        await Eventually.AssertAsync(() => DeliveriesAsync(bureau, warning.WarningKey, "sent"), d => d.Count == 1, "the retried delivery is sent");
        Assert.Equal(4, receivers.Robots.Of(robot).Count);
    }

    internal static string NewDistrict() => $"测试区{Guid.NewGuid():N}"[..14];

    internal static WarningRaised Warning(string district, string[] recipients, string grade, DateOnly dueOn, DateTimeOffset detectedAt, string? itemKey = null)
    {
        itemKey ??= $"node:{Guid.NewGuid()}";
        var projectId = Guid.NewGuid();
        return new WarningRaised(WarningGrades.WarningKey(itemKey, dueOn, grade), itemKey, "project", "签约后注册节点超期", grade, dueOn, 1,
            district, null, projectId, recipients, $"/projects/{projectId}", detectedAt);
    }

    private static async Task CreateChannelAsync(HttpClient bureau, string kind, string target, string district, string minGrade, string? secret = null)
    {
        using var created = await bureau.PostAsJsonAsync("/api/notification-channels", new
        {
            name = $"{district} {kind}", kind, target, secret, scopeKind = "district", scopeValue = district, minGrade, enabled = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var channel = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(secret is not null, channel.GetProperty("hasSecret").GetBoolean());
        Assert.False(channel.TryGetProperty("secret", out _));
    }

    private static async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(HttpClient bureau, string key, string? status = null)
    {
        var page = await bureau.GetFromJsonAsync<JsonElement>(
            $"/api/notification-deliveries?key={Uri.EscapeDataString(key)}{(status is null ? "" : $"&status={status}")}");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    internal static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/inbox/unread-count")).GetProperty("count").GetInt32();
}
