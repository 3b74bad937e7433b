using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>Creates the fuzzer's target records over the APIs, as staff would.</summary>
internal sealed class FuzzPreparation(SystemFixture system)
{
    public Journey Bureau { get; } = new(system);

    private Journey Finance { get; } = new(system, Tokens.For("finance"));

    public async Task<Guid> NegotiatingProjectAsync()
    {
        var id = await Bureau.StartProjectAsync();
        await Bureau.WaitForProjectAsync(id, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        return id;
    }

    public Task<Guid> SignedProjectAsync() => Bureau.SignedProjectAsync();

    public async Task<Guid> IntentAsync(bool followedUp = false, bool qualified = false)
    {
        var id = await Bureau.CreateIntentAsync(await Bureau.CreateEnterpriseAsync("模糊测试意向企业"));
        if (qualified)
            await Bureau.QualifyAsync(id);
        else if (followedUp)
            await Bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, $"/api/intents/{id}/follow-ups",
                new { kind = "Call", occurredOn = Journey.Today, summary = "电话沟通投资意向" });
        return id;
    }

    public async Task<Guid> EventAsync() => Id(await Bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/events",
        new { title = "模糊测试推介会", type = "Forum", region = "长三角", startsOn = "2026-03-01", leader = "市领导", major = false }));

    public async Task<Guid> ParkAsync() => Id(await Bureau.ExpectAsync(HttpStatusCode.Created, system.Project, HttpMethod.Post, "/api/parks",
        new { name = $"模糊测试园区{Guid.NewGuid():N}", level = "Municipal", district = "官渡区", leadingIndustries = new[] { "现代物流" } }));

    /// <summary>A funds report on the project; a verified one counts towards the project's incentive claims.</summary>
    public async Task<Guid> FundsReportAsync(Guid projectId, bool verified)
    {
        var id = Id(await Bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post, $"/api/projects/{projectId}/funds-reports", new
        {
            amount = verified ? 20_000_000m : 500_000m, currency = "CNY", source = "OutsideProvince", use = "FixedAssets",
            reportedOn = Journey.Today, evidenceRef = "模糊测试凭证",
        }));
        if (verified)
            await Finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"/api/funds-reports/{id}/verify");
        return id;
    }

    public async Task<Guid> PolicyAsync() => Id(await Bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post,
        "/api/incentive-policies", new
        {
            name = $"模糊测试奖励政策{Guid.NewGuid():N}", year = Journey.Today.Year, milestone = "Production", minFixedAssetCny = 1_000_000m,
            percentage = 0.01m, capCny = 1_000_000m, stages = new[] { 0.5m, 0.5m }, budgetCny = 100_000_000m, clawbackYears = 3,
        }));

    public async Task<Guid> ClaimAsync(Guid projectId, Guid policyId) => Id(await Bureau.ExpectAsync(HttpStatusCode.Created, system.Funding,
        HttpMethod.Post, "/api/incentive-claims", new { projectId, policyId }));

    private static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();
}
