using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;
using static Zhaoshang.IntegrationTests.Notifications.NotificationDeliveryTests;

namespace Zhaoshang.IntegrationTests.Notifications;

/// <summary>
/// A member of staff's inbox is their audience's items (district staff: their district's; park staff: their park's) and
/// the items addressed to them, each once, newest first, paged and counted alike, with their own read marks.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class InboxTests(SystemFixture system)
{
    private static readonly DateOnly DueOn = new(2026, 11, 6);

    [Fact]
    public async Task An_inbox_holds_the_audiences_items_and_those_addressed_to_the_caller_once_each_newest_first_on_every_page()
    {
        var (district, other) = (NewDistrict(), NewDistrict());
        var park = $"园区{Guid.NewGuid():N}"[..10];
        var (officer, officerClient) = await NotificationReceivers.StaffAsync(system, "district", district);
        var (parkStaff, parkClient) = await NotificationReceivers.StaffAsync(system, "park", park: park);
        var (auditor, auditorClient) = await NotificationReceivers.StaffAsync(system, "auditor");
        var at = new DateTimeOffset(2026, 11, 9, 2, 0, 0, TimeSpan.Zero);
        WarningRaised[] warnings =
        [
            // The officer's district's, addressed to the officer too: once.
            Warning(district, [officer], WarningGrades.Red, DueOn, at),
            // Another district's, addressed to the officer and the auditor.
            Warning(other, [officer, auditor], WarningGrades.Red, DueOn, at.AddMinutes(1)),
            // The officer's district's and the park's.
            Warning(district, [], WarningGrades.Red, DueOn, at.AddMinutes(2)) with { Park = park },
            // Of no park, addressed to the park's staff.
            Warning(other, [parkStaff], WarningGrades.Red, DueOn, at.AddMinutes(3)),
            // None of theirs.
            Warning(other, [], WarningGrades.Red, DueOn, at.AddMinutes(4)),
        ];
        foreach (var warning in warnings)
            await system.Broker.PublishAsync(Guid.NewGuid(), warning);
        string[] Keys(params int[] of) => of.Select(i => warnings[i].WarningKey).ToArray();

        var inbox = await Eventually.AssertAsync(() => officerClient.GetFromJsonAsync<JsonElement>("/api/inbox?pageSize=10"),
            i => i.GetProperty("total").GetInt32() == 3, "the officer has the three");
        Assert.Equal(Keys(2, 1, 0), ItemKeys(inbox));
        var paged = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var one = await officerClient.GetFromJsonAsync<JsonElement>($"/api/inbox?page={page}&pageSize=1");
            Assert.Equal(3, one.GetProperty("total").GetInt32());
            paged.AddRange(ItemKeys(one));
        }
        Assert.Equal(Keys(2, 1, 0), paged);
        Assert.Equal(3, await UnreadAsync(officerClient));

        var read = inbox.GetProperty("items")[1];
        (await officerClient.PostAsync($"/api/inbox/{read.GetProperty("id").GetGuid()}/read", null)).EnsureSuccessStatusCode();
        Assert.Equal(2, await UnreadAsync(officerClient));
        var unread = await officerClient.GetFromJsonAsync<JsonElement>("/api/inbox?unread=true");
        Assert.Equal(2, unread.GetProperty("total").GetInt32());
        Assert.Equal(Keys(2, 0), ItemKeys(unread));
        var all = (await officerClient.GetFromJsonAsync<JsonElement>("/api/inbox")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([false, true, false], all.Select(i => i.GetProperty("readAt").ValueKind != JsonValueKind.Null));
        // Read marks are each person's own.
        Assert.Equal(1, await UnreadAsync(auditorClient));

        var parkInbox = await parkClient.GetFromJsonAsync<JsonElement>("/api/inbox");
        Assert.Equal(2, parkInbox.GetProperty("total").GetInt32());
        Assert.Equal(Keys(3, 2), ItemKeys(parkInbox));
        Assert.Equal(2, await UnreadAsync(parkClient));
        var auditorInbox = await auditorClient.GetFromJsonAsync<JsonElement>("/api/inbox");
        Assert.Equal(1, auditorInbox.GetProperty("total").GetInt32());
        Assert.Equal(Keys(1), ItemKeys(auditorInbox));
    }

    private static string[] ItemKeys(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).ToArray();
}
