using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Editing;

/// <summary>Correcting intents and promotion events: versioned, audited, scoped like the other intent changes.</summary>
[Collection(SystemCollection.Name)]
public class LeadEditTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);
    private readonly Journey _district = new(system, Tokens.For("district", district: Journey.District));
    private readonly Journey _otherDistrict = new(system, Tokens.For("district", district: Edits.OtherDistrict));

    private static object IntentBody(int? version, decimal investment = 880_000_000.50m, string industry = "新能源电池") => new
    {
        industry, intendedInvestment = investment, receivedOn = Journey.Today.AddDays(-3), sourceEventId = (Guid?)null, version,
    };

    [Fact]
    public async Task An_open_intent_is_corrected_by_its_district_with_the_version_read_and_the_change_is_audited()
    {
        var intentId = await _district.CreateIntentAsync(await _bureau.CreateEnterpriseAsync());
        var path = $"/api/intents/{intentId}";

        var corrected = await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Put, path, IntentBody(1));
        Assert.Equal(2, corrected.GetProperty("version").GetInt32());
        Assert.Equal(880_000_000.50m, corrected.GetProperty("intendedInvestment").GetDecimal());
        Assert.Equal("新能源电池", (await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, path)).GetProperty("industry").GetString());

        var audit = await Edits.LastAuditAsync(system, system.Lead, intentId, "updated");
        Assert.Equal("绿色铝", audit.GetProperty("before").GetProperty("industry").GetString());
        Assert.Equal("新能源电池", audit.GetProperty("after").GetProperty("industry").GetString());
        Assert.Equal(Journey.District, audit.GetProperty("actorDistrict").GetString());

        // Someone else's edit from version 1 comes too late: 409 with the intent as it is now, and nothing changes.
        var current = await Edits.AssertStaleAsync(_bureau, system.Lead, path, IntentBody(1, industry: "绿色铝"), 2);
        Assert.Equal("新能源电池", current.GetProperty("industry").GetString());

        await _otherDistrict.ExpectAsync(HttpStatusCode.NotFound, system.Lead, HttpMethod.Put, path, IntentBody(2, industry: "绿色铝"));
        await Edits.AssertBadFieldAsync(_district, system.Lead, path, IntentBody(2, investment: -1m), "intendedInvestment");
        await Edits.AssertBadFieldAsync(_district, system.Lead, path, IntentBody(null), "version");
        Assert.Equal(2, await system.ScalarAsync<int>(system.Lead,
            "SELECT version FROM cooperation_intents WHERE id = @intentId AND industry = '新能源电池' AND intended_investment = 880000000.50",
            new { intentId }));
    }

    [Fact]
    public async Task A_dropped_intent_can_no_longer_be_corrected()
    {
        var intentId = await _bureau.CreateIntentAsync(await _bureau.CreateEnterpriseAsync());
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/drop", new { reason = "企业放弃投资" });

        var problem = await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Lead, HttpMethod.Put, $"/api/intents/{intentId}", IntentBody(2));
        Assert.Equal("Dropped", problem.GetProperty("currentState").GetString());
        Assert.Equal(0, await system.ScalarAsync<int>(system.Lead,
            "SELECT count(*) FROM cooperation_intents WHERE id = @intentId AND industry = '新能源电池'", new { intentId }));
    }

    [Fact]
    public async Task A_promotion_event_is_corrected_with_the_version_read_and_the_change_is_audited()
    {
        var title = $"深圳招商推介会 {Guid.NewGuid():N}";
        object Body(int? version, string region = "粤港澳大湾区", string? endsOn = "2026-06-03") =>
            new { title, type = "Conference", region, startsOn = "2026-06-02", endsOn, leader = "市长", major = true, version };
        var eventId = (await _district.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/events", Body(null, "长三角")))
            .GetProperty("id").GetGuid();
        var path = $"/api/events/{eventId}";

        var corrected = await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Put, path, Body(1));
        Assert.Equal(2, corrected.GetProperty("version").GetInt32());
        Assert.Equal("粤港澳大湾区", (await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, path)).GetProperty("region").GetString());
        var audit = await Edits.LastAuditAsync(system, system.Lead, eventId, "updated");
        Assert.Equal("长三角", audit.GetProperty("before").GetProperty("region").GetString());
        Assert.Equal("粤港澳大湾区", audit.GetProperty("after").GetProperty("region").GetString());

        var current = await Edits.AssertStaleAsync(_bureau, system.Lead, path, Body(1, "京津冀"), 2);
        Assert.Equal("粤港澳大湾区", current.GetProperty("region").GetString());
        // Events belong to the whole city (no district), so there is no other district to hide them from; an unknown id is 404.
        await _otherDistrict.ExpectAsync(HttpStatusCode.NotFound, system.Lead, HttpMethod.Put, $"/api/events/{Guid.NewGuid()}", Body(2));
        await Edits.AssertBadFieldAsync(_bureau, system.Lead, path, Body(2, endsOn: "2026-06-01"), "endsOn");
        Assert.Equal(1, await system.ScalarAsync<int>(system.Lead,
            "SELECT count(*) FROM promotion_events WHERE id = @eventId AND version = 2 AND region = '粤港澳大湾区' AND ends_on = '2026-06-03'",
            new { eventId }));
    }
}
