using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Notifications;

/// <summary>
/// The warnings read model: what was open on any day and its grade then, a clearance that arrives before its warning
/// keeps it cleared, the overdue announcements and WarningRaised make one warning, and staff see only their own scope.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class WarningsAsOfTests(SystemFixture system)
{
    private static readonly DateOnly DueOn = new(2026, 11, 6);

    private static DateTimeOffset On(int day) => new(2026, 11, day, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Warnings_as_of_a_day_show_what_was_open_then_with_its_grade_and_stay_cleared_whatever_the_order()
    {
        var district = NotificationDeliveryTests.NewDistrict();
        var (owner, ownerClient) = await NotificationReceivers.StaffAsync(system, "district", district);
        var node = NotificationDeliveryTests.Warning(district, [owner], WarningGrades.Yellow, DueOn, On(4));
        var later = NotificationDeliveryTests.Warning(district, [], WarningGrades.Red, DueOn, On(9));
        await system.Broker.PublishAsync(Guid.NewGuid(), node);
        await system.Broker.PublishAsync(Guid.NewGuid(), node with
        {
            Grade = WarningGrades.Red, WarningKey = WarningGrades.WarningKey(node.ItemKey, DueOn, WarningGrades.Red), DetectedAt = On(9),
        });
        // The clearance of the second item comes first; its warning, raised before it, arrives afterwards.
        await system.Broker.PublishAsync(Guid.NewGuid(), new WarningCleared(later.ItemKey, "节点已完成", On(10)));
        await Eventually.AssertAsync(() => system.ScalarAsync<int>(system.Notification,
            "SELECT count(*)::int FROM warning_clearances WHERE item_key = @ItemKey", new { later.ItemKey }), n => n == 1, "the clearance is kept");
        await system.Broker.PublishAsync(Guid.NewGuid(), later);
        await system.Broker.PublishAsync(Guid.NewGuid(), new WarningCleared(node.ItemKey, "节点已完成", On(11)));
        using var bureau = system.Client(system.Notification);
        await Eventually.AssertAsync(() => WarningsAsync(bureau, "2026-11-09", district), w => w.Count == 2, "both warnings are recorded");
        await Eventually.AssertAsync(() => system.ScalarAsync<int>(system.Notification,
            "SELECT count(*)::int FROM warning_clearances WHERE item_key = @ItemKey", new { node.ItemKey }), n => n == 1, "the node is cleared");

        Assert.Empty(await WarningsAsync(bureau, "2026-11-03", district));
        var yellow = Assert.Single(await WarningsAsync(bureau, "2026-11-05", district));
        Assert.Equal(("yellow", 1, node.ItemKey), (yellow.GetProperty("grade").GetString(), yellow.GetProperty("workingDays").GetInt32(),
            yellow.GetProperty("itemKey").GetString()));
        var red = await WarningsAsync(bureau, "2026-11-09", district);
        Assert.All(red, w => Assert.Equal("red", w.GetProperty("grade").GetString()));
        Assert.All(red, w => Assert.Equal(1, w.GetProperty("workingDays").GetInt32()));
        var stillOpen = Assert.Single(await WarningsAsync(bureau, "2026-11-10", district));
        Assert.Equal(node.ItemKey, stillOpen.GetProperty("itemKey").GetString());
        Assert.Empty(await WarningsAsync(bureau, "2026-11-12", district));
        Assert.Equal(node.ItemKey, Assert.Single(await WarningsAsync(bureau, "2026-11-09", district, $"&person={owner}")).GetProperty("itemKey").GetString());

        var summary = await bureau.GetFromJsonAsync<JsonElement>("/api/warnings/summary?asOf=2026-11-09");
        var row = Assert.Single(summary.GetProperty("districts").EnumerateArray(), d => d.GetProperty("district").GetString() == district);
        Assert.Equal((0, 2, 2), (row.GetProperty("yellow").GetInt32(), row.GetProperty("red").GetInt32(), row.GetProperty("total").GetInt32()));

        // The warning cleared before it arrived told nobody; the node's two grades are in its owner's inbox.
        var inbox = await ownerClient.GetFromJsonAsync<JsonElement>("/api/inbox");
        Assert.Equal(2, inbox.GetProperty("total").GetInt32());
        Assert.Equal(0, await system.ScalarAsync<int>(system.Notification,
            "SELECT count(*)::int FROM inbox_items WHERE key = @WarningKey", new { later.WarningKey }));
    }

    [Fact]
    public async Task An_intent_overdue_announcement_and_its_warning_raised_are_one_warning()
    {
        var district = NotificationDeliveryTests.NewDistrict();
        var intentId = Guid.NewGuid();
        var overdue = new CooperationIntentOverdue(intentId, "Response", DueOn, 1, district, "宁德时代", On(9));
        var itemKey = $"intent:{intentId}:Response";
        await system.Broker.PublishAsync(Guid.NewGuid(), overdue);
        await system.Broker.PublishAsync(Guid.NewGuid(),
            NotificationDeliveryTests.Warning(district, [], WarningGrades.Red, DueOn, On(9), itemKey) with { Source = "intent" });
        await system.Broker.PublishAsync(Guid.NewGuid(), new ApprovalItemOverdue(
            Guid.NewGuid(), Guid.NewGuid(), "eia-form", "环境影响评价（报告表）", DueOn, On(9), district, null));

        using var bureau = system.Client(system.Notification);
        var open = await Eventually.AssertAsync(() => WarningsAsync(bureau, "2026-11-09", district), w => w.Count == 2,
            "the intent's and the approval item's warnings are recorded");
        Assert.Single(open, w => w.GetProperty("itemKey").GetString() == itemKey);
        Assert.Single(open, w => w.GetProperty("itemKey").GetString()!.StartsWith("approval-item:", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await system.ScalarAsync<int>(system.Notification,
            "SELECT count(*)::int FROM inbox_items WHERE key = @key", new { key = WarningGrades.WarningKey(itemKey, DueOn, WarningGrades.Red) }));
    }

    [Fact]
    public async Task Staff_see_the_warnings_and_inbox_items_of_their_own_district_or_park_only()
    {
        var district = NotificationDeliveryTests.NewDistrict();
        var (owner, ownerClient) = await NotificationReceivers.StaffAsync(system, "district", district);
        var (_, otherDistrict) = await NotificationReceivers.StaffAsync(system, "district", NotificationDeliveryTests.NewDistrict());
        var (_, otherPark) = await NotificationReceivers.StaffAsync(system, "park", park: $"园区{Guid.NewGuid():N}"[..10]);
        var warning = NotificationDeliveryTests.Warning(district, [owner], WarningGrades.Red, DueOn, On(9));
        await system.Broker.PublishAsync(Guid.NewGuid(), warning);
        var inbox = await Eventually.AssertAsync(() => ownerClient.GetFromJsonAsync<JsonElement>("/api/inbox"),
            i => i.GetProperty("total").GetInt32() == 1, "the owner has the warning");
        var itemId = inbox.GetProperty("items")[0].GetProperty("id").GetGuid();

        Assert.Single(await WarningsAsync(ownerClient, "2026-11-09", district));
        foreach (var stranger in new[] { otherDistrict, otherPark })
        {
            Assert.Empty(await WarningsAsync(stranger, "2026-11-09", district));
            Assert.DoesNotContain(await WarningsAsync(stranger, "2026-11-09", null), w => w.GetProperty("itemKey").GetString() == warning.ItemKey);
            var summary = await stranger.GetFromJsonAsync<JsonElement>("/api/warnings/summary?asOf=2026-11-09");
            Assert.DoesNotContain(summary.GetProperty("districts").EnumerateArray(), d => d.GetProperty("district").GetString() == district);
            Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/inbox")).GetProperty("total").GetInt32());
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/inbox/{itemId}/read", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/notification-channels")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/notification-deliveries?status=failed")).StatusCode);
        }
        using var anonymous = system.Client(system.Notification, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/inbox")).StatusCode);
        using var bureau = system.Client(system.Notification);
        var refused = await bureau.GetAsync("/api/warnings?grade=purple");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("grade", out _));
    }

    private static async Task<IReadOnlyList<JsonElement>> WarningsAsync(HttpClient client, string asOf, string? district, string more = "")
    {
        var page = await client.GetFromJsonAsync<JsonElement>(
            $"/api/warnings?asOf={asOf}&pageSize=200{(district is null ? "" : $"&district={Uri.EscapeDataString(district)}")}{more}");
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
