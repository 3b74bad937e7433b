using System.Net;
using System.Text;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Funding;

/// <summary>Funds in place, statistics and incentives paid exactly once, on the real services.</summary>
[Collection(SystemCollection.Name)]
public class FundingTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);
    private readonly Journey _finance = new(system, Tokens.For("finance"));
    private static string NewDistrict() => $"资金测试区{Guid.NewGuid():N}"[..13];

    private Task<JsonElement> ReportAsync(Guid projectId, decimal amount, string currency = "CNY", string source = "OutsideProvince", string use = "FixedAssets") =>
        _bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post, $"/api/projects/{projectId}/funds-reports", new
        {
            amount, currency, source, use, reportedOn = Journey.Today, evidenceRef = $"银行进账单-{Guid.NewGuid():N}"[..16],
        });

    private async Task<Guid> VerifiedAsync(Guid projectId, decimal amount, string currency = "CNY", string source = "OutsideProvince")
    {
        var id = (await ReportAsync(projectId, amount, currency, source)).GetProperty("id").GetGuid();
        await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"/api/funds-reports/{id}/verify");
        return id;
    }

    private async Task<Guid> PolicyAsync(decimal budget, string milestone = "ConstructionStart") =>
        (await _bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post, "/api/incentive-policies", new
        {
            name = $"重大项目开工奖励{Guid.NewGuid():N}"[..14], year = Journey.Today.Year, milestone, minFixedAssetCny = 10_000_000m,
            percentage = 0.05m, capCny = 2_000_000m, stages = new[] { 0.5m, 0.4m, 0.1m }, budgetCny = budget, clawbackYears = 3,
        })).GetProperty("id").GetGuid();

    private async Task<Guid> RaisedClaimAsync(Guid projectId, Guid policyId) =>
        (await _bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post, "/api/incentive-claims", new { projectId, policyId }))
        .GetProperty("id").GetGuid();

    private async Task<HttpResponseMessage> PayAsync(Guid claimId, string key)
    {
        using var client = system.Client(system.Funding, Tokens.For("finance"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incentive-claims/{claimId}/payments");
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Verified_funds_show_in_the_statistics_and_on_the_project()
    {
        var district = NewDistrict();
        await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Put, $"/api/exchange-rates/USD/{Journey.Today:yyyy-MM-dd}", new { cnyPerUnit = 7.1234m });
        var projectId = await _bureau.SignedProjectAsync(500_000_000m, district);

        await VerifiedAsync(projectId, 50_000_000.55m);
        var usd = await ReportAsync(projectId, 1_000_000m, "USD", "Abroad");
        Assert.Equal(7_123_400.00m, usd.GetProperty("amountCny").GetDecimal());
        await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"/api/funds-reports/{usd.GetProperty("id").GetGuid()}/verify");
        var rejected = (await ReportAsync(projectId, 9_999_999m)).GetProperty("id").GetGuid();
        await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"/api/funds-reports/{rejected}/reject", new { reason = "进账凭证与项目不符" });
        await _finance.ExpectAsync(HttpStatusCode.Conflict, system.Funding, HttpMethod.Post, $"/api/funds-reports/{rejected}/verify");
        await ReportAsync(projectId, 1m); // reported, not verified: does not count
        await _bureau.ExpectAsync(HttpStatusCode.Forbidden, system.Funding, HttpMethod.Post, $"/api/funds-reports/{rejected}/verify");

        var stats = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get,
            $"/api/stats/funds?year={Journey.Today.Year}&district={Uri.EscapeDataString(district)}");
        Assert.Equal(2, stats.GetProperty("reports").GetInt32());
        Assert.Equal(57_123_400.55m, stats.GetProperty("verified").GetProperty("yuan").GetDecimal());
        Assert.Equal(5_712.34m, stats.GetProperty("verified").GetProperty("wan").GetDecimal());
        Assert.Equal(1_000_000m, stats.GetProperty("foreignUsd").GetDecimal());
        Assert.Equal(0.1142m, stats.GetProperty("arrivalRate").GetDecimal()); // 57,123,400.55 ÷ 500,000,000
        Assert.Equal(57_123_400.55m, stats.GetProperty("sectors")[1].GetProperty("amount").GetProperty("yuan").GetDecimal()); // 绿色铝: 二产

        var bad = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Funding, HttpMethod.Get, "/api/stats/funds?quarter=5");
        Assert.Equal(["quarter", "year"], bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        var otherDistrict = new Journey(system, Tokens.For("district", district: Journey.District));
        await otherDistrict.ExpectAsync(HttpStatusCode.BadRequest, system.Funding, HttpMethod.Get, $"/api/stats/funds?district={Uri.EscapeDataString(district)}");

        var project = await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("verifiedFundsCny").GetDecimal() == 57_123_400.55m,
            "the project shows its verified funds");
        Assert.Equal("Signed", project.GetProperty("state").GetString());

        using var client = system.Client(system.Funding);
        var csv = await client.GetByteArrayAsync($"/api/stats/funds.csv?district={Uri.EscapeDataString(district)}");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("到位日期,季度,区县,园区,产业,三次产业,币种,金额,折合人民币（元）", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(",USD,1000000.00,7123400.00,712.34,境外,固定资产投资,"));
    }

    [Fact]
    public async Task Construction_start_raises_a_claim_that_is_approved_and_paid_in_stages_once_each()
    {
        var policyId = await PolicyAsync(50_000_000m);
        var projectId = await _bureau.SignedProjectAsync(300_000_000m);
        await VerifiedAsync(projectId, 30_000_000m);
        foreach (var code in new[] { "filing", "land-pre-review", "eia-form", "energy-review", "design-review", "land-planning-permit",
                     "real-estate-title", "engineering-planning-permit", "construction-permit" })
            await _bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Post, $"/api/projects/{projectId}/approval-case/items/{code}/grant");
        await _bureau.RegisterAsync(projectId);
        await _bureau.AcquireLandAsync(projectId);
        await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "UnderConstruction", "construction starts");

        var claim = await Eventually.AssertAsync(
            async () => (await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get, $"/api/projects/{projectId}/incentive-claims"))
                .EnumerateArray().FirstOrDefault(c => c.GetProperty("policyId").GetGuid() == policyId),
            c => c.ValueKind == JsonValueKind.Object, "construction start raises the claim");
        Assert.Equal(1_500_000.00m, claim.GetProperty("awardCny").GetDecimal()); // 5% of 30,000,000
        var claimId = claim.GetProperty("id").GetGuid();

        using (var early = await PayAsync(claimId, $"early-{claimId}"))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"/api/incentive-claims/{claimId}/approve");

        var amounts = new List<decimal>();
        for (var stage = 1; stage <= 3; stage++)
        {
            using var paid = await PayAsync(claimId, $"pay-{claimId}-{stage}");
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
            amounts.Add(JsonDocument.Parse(await paid.Content.ReadAsStringAsync()).RootElement.GetProperty("amountCny").GetDecimal());
        }

        Assert.Equal([750_000.00m, 600_000.00m, 150_000.00m], amounts);
        using (var extra = await PayAsync(claimId, $"pay-{claimId}-4"))
            Assert.Equal(HttpStatusCode.Conflict, extra.StatusCode);
        var view = await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get, $"/api/incentive-claims/{claimId}");
        Assert.Equal(1_500_000.00m, view.GetProperty("paidCny").GetDecimal());

        using var client = system.Client(system.Funding, Tokens.For("finance"));
        var register = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/incentive-payments.csv"))[3..]);
        Assert.Equal(3, register.Split("\r\n").Count(l => l.Contains(projectId.ToString())));
    }

    [Fact]
    public async Task The_same_payment_sent_twenty_times_at_once_pays_once()
    {
        var policyId = await PolicyAsync(50_000_000m, "Production");
        var projectId = await _bureau.SignedProjectAsync();
        await VerifiedAsync(projectId, 20_000_000m);
        var claimId = await RaisedClaimAsync(projectId, policyId);
        await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"/api/incentive-claims/{claimId}/approve");

        var key = $"retry-{Guid.NewGuid():N}";
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await PayAsync(claimId, key);
            return (response.StatusCode, Id: JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Single(responses.Select(r => r.Id).Distinct());
        Assert.Equal(1, await system.ScalarAsync<int>(system.Funding, "SELECT count(*) FROM incentive_payments WHERE claim_id = @claimId", new { claimId }));
    }

    [Fact]
    public async Task Two_approvals_racing_for_the_last_of_a_budget_one_succeeds()
    {
        var policyId = await PolicyAsync(1_000_000m, "Production");
        var claims = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var projectId = await _bureau.SignedProjectAsync();
            await VerifiedAsync(projectId, 12_000_000m); // award 600,000 each; the budget holds one
            claims.Add(await RaisedClaimAsync(projectId, policyId));
        }

        var results = await Task.WhenAll(claims.Select(async id =>
        {
            using var response = await _finance.SendAsync(system.Funding, HttpMethod.Post, $"/api/incentive-claims/{id}/approve");
            return response.StatusCode;
        }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Order());
        Assert.Equal(600_000m, await system.ScalarAsync<decimal>(system.Funding, "SELECT committed_cny FROM incentive_policies WHERE id = @policyId", new { policyId }));
        Assert.Equal(1, await system.ScalarAsync<int>(system.Funding,
            "SELECT count(*) FROM incentive_claims WHERE policy_id = @policyId AND status = 'Approved'", new { policyId }));
    }

    [Fact]
    public async Task Terminating_a_project_within_the_period_claws_back_what_was_paid()
    {
        var policyId = await PolicyAsync(50_000_000m, "Production");
        var projectId = await _bureau.SignedProjectAsync();
        await VerifiedAsync(projectId, 40_000_000m);
        var claimId = await RaisedClaimAsync(projectId, policyId);
        await _finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"/api/incentive-claims/{claimId}/approve");
        using (var first = await PayAsync(claimId, $"first-{claimId}"))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/terminate", new { reason = "企业撤资" });

        var view = await _finance.EventuallyAsync(system.Funding, $"/api/incentive-claims/{claimId}",
            c => c.GetProperty("clawback").ValueKind == JsonValueKind.Object, "the clawback is raised");
        Assert.Equal(1_000_000.00m, view.GetProperty("clawback").GetProperty("amountCny").GetDecimal()); // stage 1: half of 2,000,000
        Assert.Contains("企业撤资", view.GetProperty("clawback").GetProperty("reason").GetString());
        using var after = await PayAsync(claimId, $"second-{claimId}");
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }
}
