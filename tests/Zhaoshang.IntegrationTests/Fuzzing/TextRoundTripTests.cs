using System.Net;
using System.Text;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>
/// Awkward but valid text (Chinese, emoji, combining marks, right-to-left, zero-width joiners, 4-byte characters,
/// full-width forms, quotes and backslashes, SQL and HTML) goes into the text fields of several records and comes back
/// equal, ordinal, over the API and in the database.
/// </summary>
[Collection(SystemCollection.Name)]
public class TextRoundTripTests(SystemFixture system)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task<(Guid ProjectId, Guid IntentId)>? _shared;

    private readonly Journey _bureau = new(system);

    public static IEnumerable<object[]> Texts() => HostileInput.AwkwardText.Select(t => new object[] { t.What });

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Awkward_text_is_stored_and_returned_exactly(string what)
    {
        var text = HostileInput.AwkwardText.Single(t => t.What == what).Text;
        var (projectId, intentId) = await SharedAsync();

        var uscc = TestData.NewUscc();
        var enterprise = await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/enterprises",
            new { name = text, uscc, hqRegion = "长三角", industryChain = "绿色铝", chainRole = "Supplier" });
        var enterpriseId = enterprise.GetProperty("id").GetGuid();
        Same(text, await ReadAsync(system.Lead, $"/api/enterprises/{enterpriseId}"), "name");
        var renamed = $"更新：{text}";
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Put, $"/api/enterprises/{enterpriseId}",
            new { name = renamed, uscc, hqRegion = "长三角", industryChain = "绿色铝", chainRole = "Supplier", version = 1 });
        Same(renamed, await ReadAsync(system.Lead, $"/api/enterprises/{enterpriseId}"), "name");
        Assert.Equal(renamed, await system.ScalarAsync<string>(system.Lead, "SELECT name FROM enterprises WHERE id = @enterpriseId", new { enterpriseId }));
        Assert.Equal(Encoding.UTF8.GetByteCount(renamed),
            await system.ScalarAsync<int>(system.Lead, "SELECT octet_length(name) FROM enterprises WHERE id = @enterpriseId", new { enterpriseId }));
        Assert.Equal(renamed, await system.ScalarAsync<string>(system.Lead,
            "SELECT after->>'name' FROM audit_log WHERE record_id = @enterpriseId AND action = 'updated'", new { enterpriseId }));

        var eventId = Id(await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/events",
            new { title = text, type = "Conference", region = "长三角", startsOn = "2026-05-20", leader = text, summary = text }));
        var promotionEvent = await ReadAsync(system.Lead, $"/api/events/{eventId}");
        Same(text, promotionEvent, "title", "leader", "summary");

        var followUpId = Id(await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/follow-ups",
            new { kind = "VisitIn", occurredOn = Journey.Today, summary = text, nextStep = text }));
        Same(text, Find(await ReadAsync(system.Lead, $"/api/intents/{intentId}/follow-ups"), followUpId), "summary", "nextStep");

        var parkName = $"{text}·{Guid.NewGuid():N}";
        var parkId = Id(await _bureau.ExpectAsync(HttpStatusCode.Created, system.Project, HttpMethod.Post, "/api/parks",
            new { name = parkName, level = "Municipal", district = "官渡区", leadingIndustries = new[] { "现代物流" } }));
        Same(parkName, await ReadAsync(system.Project, $"/api/parks/{parkId}"), "name");

        var reportId = Id(await _bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post, $"/api/projects/{projectId}/funds-reports",
            new { amount = 1_000_000m, currency = "CNY", source = "OutsideProvince", use = "WorkingCapital", reportedOn = Journey.Today, evidenceRef = text }));
        Same(text, Find(await ReadAsync(system.Funding, $"/api/projects/{projectId}/funds-reports"), reportId), "evidenceRef");

        var policyId = Id(await _bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post, "/api/incentive-policies", new
        {
            name = text, year = 2099, milestone = "Production", minFixedAssetCny = 0m, percentage = 0.01m, capCny = 1_000m,
            stages = new[] { 1m }, budgetCny = 1_000m, clawbackYears = 1,
        }));
        Same(text, Find(await ReadAsync(system.Funding, "/api/incentive-policies?year=2099"), policyId), "name");
    }

    private static void Same(string expected, JsonElement record, params string[] fields)
    {
        foreach (var field in fields)
            Assert.Equal(expected, record.GetProperty(field).GetString());
    }

    private static JsonElement Find(JsonElement list, Guid id) => list.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);

    private static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();

    private Task<JsonElement> ReadAsync(ServiceProcess service, string path) => _bureau.ExpectAsync(HttpStatusCode.OK, service, HttpMethod.Get, path);

    /// <summary>A signed project (for funds reports) and an intent (for follow-ups), prepared once for every text.</summary>
    private async Task<(Guid ProjectId, Guid IntentId)> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _shared ??= PrepareAsync();
        }
        finally
        {
            Gate.Release();
        }

        return await _shared;
    }

    private async Task<(Guid, Guid)> PrepareAsync() =>
        (await _bureau.SignedProjectAsync(), await _bureau.CreateIntentAsync(await _bureau.CreateEnterpriseAsync("文本往返测试企业")));
}
