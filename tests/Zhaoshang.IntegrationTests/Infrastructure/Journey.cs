using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>
/// A member of staff taking one project through the services over HTTP. Every request carries the same W3C
/// traceparent, as a front end following one project would, so the whole journey is one trace. Bureau staff
/// by default; <paramref name="token"/> acts as someone else, null as an anonymous caller.
/// </summary>
internal sealed class Journey(SystemFixture system, string? token)
{
    public const string District = "安宁市";
    public const string Park = "安宁工业园区";

    public Journey(SystemFixture system) : this(system, Tokens.Bureau)
    {
    }

    public string TraceId { get; } = ActivityTraceId.CreateRandom().ToHexString();

    public async Task<HttpResponseMessage> SendAsync(
        ServiceProcess service, HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        using var client = system.Client(service, token: null);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("traceparent", $"00-{TraceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return await client.SendAsync(request);
    }

    public async Task<JsonElement> ExpectAsync(HttpStatusCode expected, ServiceProcess service, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(service, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<Guid> CreateEnterpriseAsync(string name = "云南绿色铝业测试企业") =>
        (await ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/enterprises", new
        {
            name, uscc = TestData.NewUscc(), hqRegion = "长三角", industryChain = "绿色铝", chainRole = "ChainLeader",
        })).GetProperty("id").GetGuid();

    public async Task<Guid> CreateIntentAsync(Guid enterpriseId, decimal intendedInvestment = 1_200_000_000.00m, string district = District) =>
        (await ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/intents", new
        {
            enterpriseId, industry = "绿色铝", intendedInvestment, district,
        })).GetProperty("id").GetGuid();

    /// <summary>The first contact (New → Following), then the assessment (Following → Qualified).</summary>
    public async Task QualifyAsync(Guid intentId)
    {
        await ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/follow-ups", new
        {
            kind = "VisitOut", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), summary = "赴企业总部对接投资意向",
            nextStep = "组织园区实地考察", nextStepOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(7)),
        });
        await ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/qualify", new { reason = "符合园区产业定位" });
    }

    public async Task<Guid> ConvertAsync(Guid intentId) =>
        (await ExpectAsync(HttpStatusCode.Accepted, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/convert"))
        .GetProperty("projectId").GetGuid();

    /// <summary>Enterprise, intent, qualification and conversion: returns the id of the project the conversion will create.</summary>
    public async Task<Guid> StartProjectAsync(string district = District)
    {
        var enterpriseId = await CreateEnterpriseAsync();
        var intentId = await CreateIntentAsync(enterpriseId, district: district);
        await QualifyAsync(intentId);
        return await ConvertAsync(intentId);
    }

    /// <summary>Signs into <see cref="Park"/>; the bureau's flag lets a project of any district into it.</summary>
    public Task<JsonElement> SignAsync(Guid projectId, decimal contractedInvestment = 1_000_000_000.00m) =>
        ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/sign", new
        {
            agreementNo = $"KM-{projectId.ToString()[..8]}", signedOn = "2026-11-20", contractedInvestment, park = Park,
            parkOutsideDistrict = true,
        });

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>Enterprise to a signed project whose approval case and funding ledger are open.</summary>
    public async Task<Guid> SignedProjectAsync(decimal contractedInvestment = 1_000_000_000.00m, string district = District)
    {
        var projectId = await StartProjectAsync(district);
        await WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        await SignAsync(projectId, contractedInvestment);
        await WaitForProjectAsync(projectId,
            p => p.GetProperty("approval").ValueKind == JsonValueKind.Object && p.GetProperty("funding").ValueKind == JsonValueKind.Object,
            "the approval case and the funding ledger are open");
        return projectId;
    }

    public Task<JsonElement> RegisterAsync(Guid projectId, string companyName = "云南项目有限公司") =>
        ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/register",
            new { companyName, companyUscc = TestData.NewUscc() });

    public Task<JsonElement> AcquireLandAsync(Guid projectId) =>
        ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/acquire-land",
            new { parcelId = $"KCZ-{projectId.ToString()[..6]}", areaMu = 356.5m, contractDate = Today });

    /// <summary>The case's items, code → status.</summary>
    public async Task<Dictionary<string, string>> ItemStatusesAsync(Guid projectId) =>
        (await ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Get, $"/api/projects/{projectId}/approval-case"))
        .GetProperty("items").EnumerateArray()
        .ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("status").GetString()!);

    /// <summary>Polls a GET until it answers 200 and the body satisfies <paramref name="holds"/>.</summary>
    public Task<JsonElement> EventuallyAsync(ServiceProcess service, string path, Func<JsonElement, bool> holds, string what) =>
        Eventually.AssertAsync(
            async () =>
            {
                using var response = await SendAsync(service, HttpMethod.Get, path);
                return response.IsSuccessStatusCode
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone()
                    : default;
            },
            body => body.ValueKind == JsonValueKind.Object && holds(body),
            what);

    public Task<JsonElement> WaitForProjectAsync(Guid projectId, Func<JsonElement, bool> holds, string what) =>
        EventuallyAsync(system.Project, $"/api/projects/{projectId}", holds, what);
}
