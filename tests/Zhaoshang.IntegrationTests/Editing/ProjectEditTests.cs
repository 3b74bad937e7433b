using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Editing;

/// <summary>Correcting a project's master data and a funds report before verification: versioned, audited, scoped.</summary>
[Collection(SystemCollection.Name)]
public class ProjectEditTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);
    private readonly Journey _district = new(system, Tokens.For("district", district: Journey.District));
    private readonly Journey _otherDistrict = new(system, Tokens.For("district", district: Edits.OtherDistrict));

    private static object MasterData(int? version, string name = "安宁绿色铝精深加工项目", int jobs = 1200, decimal intensity = 450.50m) => new
    {
        name, constructionContent = "年产30万吨铝板带箔，含熔铸、热轧、冷轧生产线", location = "安宁市草铺街道", plannedStartOn = "2027-03-01",
        plannedFinishOn = "2028-12-31", jobs, committedInvestmentIntensity = intensity, committedTaxPerMu = 35.25m, version,
    };

    [Fact]
    public async Task The_master_data_is_corrected_with_the_projects_version_shown_with_the_project_and_audited()
    {
        var projectId = await _bureau.StartProjectAsync();
        var version = (await _bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists"))
            .GetProperty("version").GetInt32();
        var path = $"/api/projects/{projectId}/master-data";

        var corrected = await _district.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, path, MasterData(version));
        Assert.Equal(version + 1, corrected.GetProperty("version").GetInt32());
        var shown = (await _district.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}"))
            .GetProperty("masterData");
        Assert.Equal("安宁绿色铝精深加工项目", shown.GetProperty("name").GetString());
        Assert.Equal("安宁市草铺街道", shown.GetProperty("location").GetString());
        Assert.Equal("2028-12-31", shown.GetProperty("plannedFinishOn").GetString());
        Assert.Equal(1200, shown.GetProperty("jobs").GetInt32());
        Assert.Equal(450.50m, shown.GetProperty("committedInvestmentIntensity").GetDecimal());
        Assert.Equal(35.25m, shown.GetProperty("committedTaxPerMu").GetDecimal());

        var audit = await Edits.LastAuditAsync(system, system.Project, projectId, "master data corrected");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, audit.GetProperty("before").GetProperty("name").ValueKind);
        Assert.Equal("安宁绿色铝精深加工项目", audit.GetProperty("after").GetProperty("name").GetString());

        var current = await Edits.AssertStaleAsync(_bureau, system.Project, path, MasterData(version, "过期的名称"), version + 1);
        Assert.Equal("安宁绿色铝精深加工项目", current.GetProperty("masterData").GetProperty("name").GetString());
        await _otherDistrict.ExpectAsync(HttpStatusCode.NotFound, system.Project, HttpMethod.Put, path, MasterData(version + 1, "别区的名称"));
        await Edits.AssertBadFieldAsync(_district, system.Project, path, MasterData(version + 1, jobs: -5), "jobs");
        await Edits.AssertBadFieldAsync(_district, system.Project, path, MasterData(version + 1, intensity: 1.001m), "committedInvestmentIntensity");
        await Edits.AssertBadFieldAsync(_district, system.Project, path, MasterData(null), "version");
        Assert.Equal(1, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM projects WHERE id = @projectId AND version = @v AND name = '安宁绿色铝精深加工项目' AND jobs = 1200",
            new { projectId, v = version + 1 }));
    }

    [Fact]
    public async Task A_funds_report_is_corrected_until_finance_verifies_it()
    {
        var projectId = await _bureau.SignedProjectAsync();
        object Report(int version, decimal amount = 3_000_000.00m, string currency = "CNY") => new
        {
            amount, currency, source = "OutsideProvince", use = "FixedAssets", reportedOn = Journey.Today, evidenceRef = "银行进账单 2026-118", version,
        };
        var reportId = (await _district.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post,
            $"/api/projects/{projectId}/funds-reports", new
            {
                amount = 2_500_000.00m, currency = "CNY", source = "OutsideProvince", use = "FixedAssets", reportedOn = Journey.Today,
                evidenceRef = "银行进账单 2026-118",
            })).GetProperty("id").GetGuid();
        var path = $"/api/funds-reports/{reportId}";

        var corrected = await _district.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Put, path, Report(1));
        Assert.Equal(2, corrected.GetProperty("version").GetInt32());
        Assert.Equal(3_000_000.00m, corrected.GetProperty("amountCny").GetDecimal());
        var audit = await Edits.LastAuditAsync(system, system.Funding, reportId, "updated");
        Assert.Equal(2_500_000.00m, audit.GetProperty("before").GetProperty("amount").GetDecimal());
        Assert.Equal(3_000_000.00m, audit.GetProperty("after").GetProperty("amount").GetDecimal());

        var current = await Edits.AssertStaleAsync(_bureau, system.Funding, path, Report(1, 1_000_000m), 2);
        Assert.Equal(3_000_000.00m, current.GetProperty("amount").GetDecimal());
        await _otherDistrict.ExpectAsync(HttpStatusCode.NotFound, system.Funding, HttpMethod.Put, path, Report(2, 1_000_000m));
        await Edits.AssertBadFieldAsync(_district, system.Funding, path, Report(2, currency: "XAU"), "currency");
        await Edits.AssertBadFieldAsync(_district, system.Funding, path, Report(2, 0.001m), "amount");

        await new Journey(system, Tokens.For("finance")).ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"{path}/verify");
        var refused = await _district.ExpectAsync(HttpStatusCode.Conflict, system.Funding, HttpMethod.Put, path, Report(3, 1_000_000m));
        Assert.Equal("Verified", refused.GetProperty("currentState").GetString());
        Assert.Equal(1, await system.ScalarAsync<int>(system.Funding,
            "SELECT count(*) FROM funds_reports WHERE id = @reportId AND version = 3 AND amount = 3000000.00 AND status = 'Verified'",
            new { reportId }));
    }
}
