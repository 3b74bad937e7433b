using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.IntegrationTests.Notifications;

namespace Zhaoshang.IntegrationTests.Spreadsheets;

/// <summary>The event, warning and overdue-item lists as Excel: read back, each is the list the same filter shows, in the caller's scope.</summary>
[Collection(SystemCollection.Name)]
public class ListExportTests(SystemFixture system)
{
    [Fact]
    public async Task The_exported_events_are_the_listed_ones_in_the_lists_order()
    {
        var region = $"导出地区{Guid.NewGuid():N}"[..12];
        var journey = new Journey(system);
        foreach (var (title, type, day, major) in new[] { ("昆明推介会", "Conference", 12, true), ("长三角外出招商", "OutboundTrip", 3, false), ("考察宁德", "InspectionVisit", 20, false) })
            await journey.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/events",
                new { title, type, region, startsOn = new DateOnly(2026, 5, day), leader = "张局长", major, summary = $"{title}成效" });

        using var client = system.Client(system.Lead);
        var listed = (await client.GetFromJsonAsync<JsonElement>($"/api/events?region={region}&sort=-startsOn")).GetProperty("items").EnumerateArray().ToList();
        var exported = await ExportAsync(client, $"/api/events/export?region={region}&sort=-startsOn");

        Assert.Equal(["考察宁德", "昆明推介会", "长三角外出招商"], exported.Select(r => r["活动名称"]));
        Assert.Equal(listed.Select(e => (e.GetProperty("title").GetString(), e.GetProperty("startsOn").GetString(), e.GetProperty("summary").GetString())),
            exported.Select(r => (r["活动名称"], r["开始日期"], r["活动成效"])));
        Assert.Equal(["考察", "推介会", "外出招商"], exported.Select(r => r["活动类型"]));
        Assert.Equal(["否", "是", "否"], exported.Select(r => r["重大活动"]));

        var refused = await client.GetAsync("/api/events/export?quarter=5&year=2026");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("quarter", out _));
    }

    [Fact]
    public async Task The_exported_warnings_are_those_open_that_day_graded_as_then_and_only_in_the_callers_district()
    {
        var district = NotificationDeliveryTests.NewDistrict();
        var (owner, ownerClient) = await NotificationReceivers.StaffAsync(system, "district", district);
        var (_, stranger) = await NotificationReceivers.StaffAsync(system, "district", NotificationDeliveryTests.NewDistrict());
        var dueOn = new DateOnly(2026, 11, 6);
        var detectedAt = new DateTimeOffset(2026, 11, 9, 2, 0, 0, TimeSpan.Zero);
        var red = NotificationDeliveryTests.Warning(district, [owner], WarningGrades.Red, dueOn, detectedAt) with { Source = "node" };
        var yellow = NotificationDeliveryTests.Warning(district, [], WarningGrades.Yellow, new DateOnly(2026, 11, 12), detectedAt) with
        {
            Source = "approval-item", Title = "审批事项「环境影响评价」",
        };
        await system.Broker.PublishAsync(Guid.NewGuid(), red);
        await system.Broker.PublishAsync(Guid.NewGuid(), yellow);
        var path = $"/api/warnings/export?asOf=2026-11-09&district={Uri.EscapeDataString(district)}";
        await Eventually.AssertAsync(() => ExportAsync(ownerClient, path), rows => rows.Count == 2, "both warnings are exported");

        var exported = await ExportAsync(ownerClient, path);
        // Red before yellow; on Monday 11-09 the red one is a working day late, the yellow one three working days from Thursday's deadline.
        Assert.Equal([("红", "签约后注册节点超期", "项目节点", "2026-11-06", "逾期 1 个", owner), ("黄", "审批事项「环境影响评价」", "审批事项", "2026-11-12", "剩 3 个", "")],
            exported.Select(r => (r["等级"], r["事项"], r["来源"], r["期限"], r["工作日"], r["责任人"] ?? "")));
        Assert.All(exported, r => Assert.Equal(district, r["区县"]));
        Assert.Empty(await ExportAsync(stranger, path));
    }

    [Fact]
    public async Task The_exported_overdue_items_of_a_project_are_those_the_list_shows_page_by_page()
    {
        var journey = new Journey(system);
        var projectId = await journey.SignedProjectAsync();
        // Two months on, the items opened at signing are past their limits.
        var asOf = Journey.Today.AddMonths(2).ToString("yyyy-MM-dd");
        using var bureau = system.Client(system.Approval);
        var pages = new List<JsonElement>();
        for (var page = 1; page <= 3; page++)
            pages.Add(await bureau.GetFromJsonAsync<JsonElement>($"/api/approval-items/overdue?asOf={asOf}&projectId={projectId}&page={page}&pageSize=2"));
        var total = pages[0].GetProperty("total").GetInt32();
        Assert.InRange(total, 3, 6);                                   // more than one page of two, fewer than three
        Assert.All(pages, p => Assert.Equal(total, p.GetProperty("total").GetInt32()));
        var listed = pages.SelectMany(p => p.GetProperty("items").EnumerateArray())
            .Select(o => (o.GetProperty("item").GetProperty("name").GetString(), o.GetProperty("item").GetProperty("dueOn").GetString(),
                (string?)o.GetProperty("workingDaysLate").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(total, listed.Count);
        Assert.Equal(listed.OrderBy(i => i.Item2, StringComparer.Ordinal), listed);  // longest late first, across pages
        var refused = await bureau.GetAsync("/api/approval-items/overdue?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("pageSize", out _));

        var exported = (await ExportAsync(bureau, $"/api/approval-items/overdue/export?asOf={asOf}"))
            .Where(r => r["项目编号"] == projectId.ToString()).Select(r => (r["审批事项"], r["办结时限"], r["超期工作日"])).ToList();
        Assert.Equal(listed, exported);

        using var otherDistrict = system.Client(system.Approval, Tokens.For("district", "呈贡区"));
        Assert.DoesNotContain(await ExportAsync(otherDistrict, $"/api/approval-items/overdue/export?asOf={asOf}"), r => r["项目编号"] == projectId.ToString());
    }

    private static async Task<List<Dictionary<string, string?>>> ExportAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return Workbooks.Read(await response.Content.ReadAsByteArrayAsync());
    }
}
