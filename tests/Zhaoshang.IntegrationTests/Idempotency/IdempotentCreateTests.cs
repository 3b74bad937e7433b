using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Idempotency;

/// <summary>
/// A creating POST sent with an Idempotency-Key is made once however often it is sent: a retry with the same key and
/// body gets the first answer, another body with the key 409, and only a success uses the key. Records are counted by
/// the audit rows of each journey's trace id, which every change writes in its own transaction.
/// </summary>
[Collection(SystemCollection.Name)]
public class IdempotentCreateTests(SystemFixture system)
{
    public static TheoryData<string> CreatingEndpoints => ["enterprises", "events", "intents", "follow-ups", "parks", "funds-reports", "incentive-policies"];

    [Theory]
    [MemberData(nameof(CreatingEndpoints))]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_answer_and_creates_once(string endpoint)
    {
        var (service, path, body) = await CreationAsync(endpoint);
        var staff = new Journey(system);
        var key = $"retry-{Guid.NewGuid():N}";

        using var first = await staff.SendAsync(service, HttpMethod.Post, path, body, key);
        var written = await RecordsWrittenAsync(service, staff);
        using var retry = await staff.SendAsync(service, HttpMethod.Post, path, body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.True(written > 0, "the first request wrote its record");
        Assert.Equal(written, await RecordsWrittenAsync(service, staff));
    }

    [Fact]
    public async Task The_key_is_the_callers_own()
    {
        var body = Event("各自的幂等键");
        var key = $"shared-{Guid.NewGuid():N}";
        var bureau = new Journey(system);
        var district = new Journey(system, Tokens.For("district", Journey.District));

        var mine = await IdOfAsync(await bureau.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, key));
        var theirs = await IdOfAsync(await district.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, key));

        Assert.NotEqual(mine, theirs);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_creates_nothing()
    {
        var staff = new Journey(system);
        var key = $"other-body-{Guid.NewGuid():N}";
        using var first = await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", Event("第一次"), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var other = await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", Event("另一次"), key);
        var problem = await ProblemAsync(other, HttpStatusCode.Conflict);
        Assert.Contains("another request", problem.GetProperty("detail").GetString());
        using var elsewhere = await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/enterprises", new
        {
            name = "同键不同接口企业", uscc = TestData.NewUscc(), hqRegion = "长三角", industryChain = "新材料", chainRole = "Supplier",
        }, key);
        await ProblemAsync(elsewhere, HttpStatusCode.Conflict);
        Assert.Equal(1, await RecordsWrittenAsync(system.Lead, staff));
    }

    [Fact]
    public async Task Parallel_identical_requests_create_one_record()
    {
        var staff = new Journey(system);
        var key = $"parallel-{Guid.NewGuid():N}";
        var body = Event("同时重发");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Body).Distinct());
        Assert.Equal(1, await RecordsWrittenAsync(system.Lead, staff));
    }

    [Fact]
    public async Task Parallel_identical_requests_for_a_unique_record_all_get_its_answer()
    {
        // The twins' inserts collide on the USCC before their keys do: the losers' 409 becomes the winner's answer.
        var staff = new Journey(system);
        var key = $"parallel-unique-{Guid.NewGuid():N}";
        var body = new { name = "同时重发企业", uscc = TestData.NewUscc(), hqRegion = "成渝", industryChain = "装备制造", chainRole = "Supplier" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/enterprises", body, key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Body).Distinct());
        Assert.Equal(1, await RecordsWrittenAsync(system.Lead, staff));
    }

    [Fact]
    public async Task A_refused_request_does_not_use_the_key()
    {
        var staff = new Journey(system);
        var key = $"refused-first-{Guid.NewGuid():N}";
        using var refused = await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", new { title = "缺少字段" }, key);
        await ProblemAsync(refused, HttpStatusCode.BadRequest);

        var body = Event("补齐后再发");
        var created = await IdOfAsync(await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, key));
        var retried = await IdOfAsync(await staff.SendAsync(system.Lead, HttpMethod.Post, "/api/events", body, key));

        Assert.Equal(created, retried);
        Assert.Equal(1, await RecordsWrittenAsync(system.Lead, staff));
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("201 characters", null)]
    [InlineData("a tab", "key\twith-tab")]
    public async Task A_bad_key_is_refused_naming_the_header_and_creates_nothing(string what, string? key)
    {
        var staff = new Journey(system);
        using var client = system.Client(system.Lead, token: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = JsonContent.Create(Event($"坏键：{what}")) };
        request.Headers.Authorization = new("Bearer", Tokens.Bureau);
        request.Headers.Add("traceparent", $"00-{staff.TraceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? new string('k', 201));

        using var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        Assert.Equal(0, await RecordsWrittenAsync(system.Lead, staff));
    }

    /// <summary>Where each kind of record is created, with a body that creates one.</summary>
    private async Task<(ServiceProcess Service, string Path, object Body)> CreationAsync(string endpoint) => endpoint switch
    {
        "enterprises" => (system.Lead, "/api/enterprises", new
        {
            name = "重试企业", uscc = TestData.NewUscc(), hqRegion = "长三角", industryChain = "新材料", chainRole = "Supplier",
        }),
        "events" => (system.Lead, "/api/events", Event("重试同一活动")),
        "follow-ups" => (system.Lead, $"/api/intents/{await IntentAsync()}/follow-ups", new
        {
            kind = "Call", occurredOn = Journey.Today, summary = "电话跟进投资意向", nextStep = "约定来访", nextStepOn = Journey.Today.AddDays(7),
        }),
        "funds-reports" => (system.Funding, $"/api/projects/{await new Journey(system).SignedProjectAsync()}/funds-reports", new
        {
            amount = 5_000_000m, currency = "CNY", source = "OutsideProvince", use = "FixedAssets", reportedOn = Journey.Today,
            evidenceRef = "重试银行进账单",
        }),
        "intents" => (system.Lead, "/api/intents", new
        {
            enterpriseId = await new Journey(system).CreateEnterpriseAsync("重试意向企业"), industry = "绿色铝",
            intendedInvestment = 300_000_000.00m, district = Journey.District,
        }),
        "parks" => (system.Project, "/api/parks", new
        {
            name = $"重试园区{Guid.NewGuid():N}"[..12], level = "Provincial", district = Journey.District,
            leadingIndustries = new[] { "绿色铝" }, specialtyIndustries = Array.Empty<string>(),
        }),
        "incentive-policies" => (system.Funding, "/api/incentive-policies", new
        {
            name = "重试奖励政策", year = Journey.Today.Year, milestone = "ConstructionStart", minFixedAssetCny = 10_000_000m,
            percentage = 0.05m, capCny = 2_000_000m, stages = new[] { 0.5m, 0.5m }, budgetCny = 1_000_000m, clawbackYears = 3,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    private async Task<Guid> IntentAsync()
    {
        var setup = new Journey(system);
        return await setup.CreateIntentAsync(await setup.CreateEnterpriseAsync("重试跟进企业"));
    }

    private static object Event(string title) => new
    {
        title = $"幂等测试：{title}", type = "Conference", region = "粤港澳大湾区", startsOn = "2026-11-20", leader = "招商局", major = false,
    };

    private Task<long> RecordsWrittenAsync(ServiceProcess service, Journey staff) =>
        system.ScalarAsync<long>(service, "SELECT count(*) FROM audit_log WHERE trace_id = @TraceId", new { staff.TraceId });

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
