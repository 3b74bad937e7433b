using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Lead;

/// <summary>Overdue intents, judged on a chosen day (asOf) and announced once each by the scanner.</summary>
[Collection(SystemCollection.Name)]
public class ServiceLevelTests(SystemFixture system)
{
    [Fact]
    public async Task An_intent_becomes_overdue_by_working_days_and_is_announced_once_per_missed_deadline()
    {
        var bureau = new Journey(system);
        var district = $"测试区-{Guid.NewGuid():N}"[..10];
        var enterpriseId = await bureau.CreateEnterpriseAsync();
        // Received Friday 6 November 2026: respond by Monday the 9th, assess (≥ 5亿元: 7 working days) by the 17th.
        var intentId = (await bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/intents", new
        {
            enterpriseId, industry = "新能源电池", intendedInvestment = 800_000_000m, district, receivedOn = "2026-11-06",
        })).GetProperty("id").GetGuid();

        async Task<List<(string Kind, string DueOn, int Late)>> OverdueOn(string asOf)
        {
            var page = await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get,
                $"/api/intents/overdue?asOf={asOf}&district={Uri.EscapeDataString(district)}");
            return page.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("intent").GetProperty("id").GetGuid() == intentId)
                .SelectMany(i => i.GetProperty("breaches").EnumerateArray())
                .Select(b => (b.GetProperty("kind").GetString()!, b.GetProperty("dueOn").GetString()!, b.GetProperty("workingDaysLate").GetInt32()))
                .ToList();
        }

        Assert.Empty(await OverdueOn("2026-11-09"));
        Assert.Equal([("Response", "2026-11-09", 1)], await OverdueOn("2026-11-10"));
        Assert.Equal([("Response", "2026-11-09", 7), ("Assessment", "2026-11-17", 1)], await OverdueOn("2026-11-18"));

        // Today (22 November 2026 or later) both deadlines have passed: the scanner announces each once.
        var announced = await Eventually.AssertAsync(
            () => system.ScalarAsync<int>(system.Lead,
                "SELECT count(*) FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.CooperationIntentOverdue' AND body->>'intentId' = @Id",
                new { Id = intentId.ToString() }),
            count => count == 2, "the scanner announces both missed deadlines");
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two more scans must not announce again
        Assert.Equal(announced, await system.ScalarAsync<int>(system.Lead,
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'Zhaoshang.Contracts.CooperationIntentOverdue' AND body->>'intentId' = @Id",
            new { Id = intentId.ToString() }));

        // Responding clears the response breach; the follow-up clock starts from that contact.
        await bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/follow-ups", new
        {
            kind = "Call", occurredOn = "2026-11-19", summary = "电话沟通投资计划",
        });
        Assert.Equal([("Assessment", "2026-11-17", 3)], await OverdueOn("2026-11-20"));
    }
}
