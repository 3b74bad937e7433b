using System.Net;
using System.Text;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Errors;

/// <summary>Bad input gets a ProblemDetails naming the problem, and nothing is written.</summary>
[Collection(SystemCollection.Name)]
public class BadInputTests(SystemFixture system)
{
    private readonly Journey _staff = new(system);

    [Fact]
    public async Task An_invalid_uscc_is_refused_and_nothing_is_stored()
    {
        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Post, "/api/enterprises", new
        {
            name = "校验码错误企业", uscc = "91110000600037341A", hqRegion = "京津冀", industryChain = "新材料", chainRole = "Supplier",
        });
        Assert.Contains("check digit", Errors(problem)["uscc"]);
        Assert.Equal(0, await system.ScalarAsync<int>(system.Lead, "SELECT count(*) FROM enterprises WHERE name = '校验码错误企业'"));
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Post, "/api/enterprises", new { });
        Assert.Equal(["chainRole", "hqRegion", "industryChain", "name", "uscc"], Errors(problem).Keys.Order());

        problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Post, "/api/intents", new { });
        Assert.Equal(["district", "enterpriseId", "industry", "intendedInvestment"], Errors(problem).Keys.Order());
    }

    [Fact]
    public async Task Negative_amounts_are_refused_and_nothing_is_stored()
    {
        var enterpriseId = await _staff.CreateEnterpriseAsync();
        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Post, "/api/intents", new
        {
            enterpriseId, industry = "绿色硅", intendedInvestment = -100m, district = "昭通市",
        });
        Assert.Contains("greater than zero", Errors(problem)["intendedInvestment"]);
        Assert.Equal(0, await system.ScalarAsync<int>(system.Lead,
            "SELECT count(*) FROM cooperation_intents WHERE enterprise_id = @enterpriseId", new { enterpriseId }));

        var projectId = await _staff.StartProjectAsync();
        await _staff.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/sign", new
        {
            agreementNo = "KM-NEG-1", signedOn = "2026-11-20", contractedInvestment = -1m, park = Journey.Park,
        });
        Assert.Contains("greater than zero", Errors(problem)["contractedInvestment"]);
        var project = await _staff.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}");
        Assert.Equal("Negotiating", project.GetProperty("state").GetString());
        Assert.Equal(1, project.GetProperty("version").GetInt32());
        Assert.Equal(0, await OutboxRowsAboutAsync(system.Project, "ProjectSigned", projectId));
    }

    [Fact]
    public async Task Unknown_ids_get_404_and_an_unknown_reference_names_its_field()
    {
        var unknown = Guid.NewGuid();
        await ExpectProblemAsync(HttpStatusCode.NotFound, system.Project, HttpMethod.Get, $"/api/projects/{unknown}");
        await ExpectProblemAsync(HttpStatusCode.NotFound, system.Project, HttpMethod.Post, $"/api/projects/{unknown}/sign", new
        {
            agreementNo = "KM-404", signedOn = "2026-11-20", contractedInvestment = 1m, park = Journey.Park,
        });
        await ExpectProblemAsync(HttpStatusCode.NotFound, system.Lead, HttpMethod.Post, $"/api/intents/{unknown}/convert");
        await ExpectProblemAsync(HttpStatusCode.NotFound, system.Lead, HttpMethod.Get, $"/api/enterprises/{unknown}");
        await ExpectProblemAsync(HttpStatusCode.NotFound, system.Approval, HttpMethod.Get, $"/api/projects/{unknown}/approval-case");
        await ExpectProblemAsync(HttpStatusCode.NotFound, system.Funding, HttpMethod.Get, $"/api/projects/{unknown}/ledger");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Post, "/api/intents", new
        {
            enterpriseId = unknown, industry = "生物医药", intendedInvestment = 1m, district = "五华区",
        });
        Assert.Contains(unknown.ToString(), Errors(problem)["enterpriseId"]);
        Assert.Equal(0, await system.ScalarAsync<int>(system.Lead,
            "SELECT count(*) FROM cooperation_intents WHERE enterprise_id = @unknown", new { unknown }));
    }

    [Fact]
    public async Task Signing_or_converting_twice_is_a_conflict_naming_the_current_state_and_changes_nothing()
    {
        var enterpriseId = await _staff.CreateEnterpriseAsync();
        var intentId = await _staff.CreateIntentAsync(enterpriseId);
        await _staff.QualifyAsync(intentId);
        var projectId = await _staff.ConvertAsync(intentId);
        var problem = await ExpectProblemAsync(HttpStatusCode.Conflict, system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/convert");
        Assert.Equal("Converted", problem.GetProperty("currentState").GetString());
        Assert.Equal(1, await OutboxRowsAboutAsync(system.Lead, "CooperationIntentConverted", projectId));

        await _staff.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        await _staff.SignAsync(projectId);
        problem = await ExpectProblemAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Post, $"/api/projects/{projectId}/sign", new
        {
            agreementNo = "KM-TWICE", signedOn = "2026-11-21", contractedInvestment = 5m, park = Journey.Park,
        });
        Assert.Equal("Signed", problem.GetProperty("currentState").GetString());
        var project = await _staff.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}");
        Assert.NotEqual("KM-TWICE", project.GetProperty("agreementNo").GetString());
        Assert.Equal(1, await OutboxRowsAboutAsync(system.Project, "ProjectSigned", projectId));
        Assert.Equal(2, await system.ScalarAsync<int>(system.Project,
            "SELECT count(*) FROM project_timeline WHERE project_id = @projectId", new { projectId }));
    }

    [Fact]
    public async Task Unreadable_bodies_are_refused_with_the_field_named()
    {
        using var client = system.Client(system.Lead);
        using var malformed = await client.PostAsync("/api/enterprises", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Post, "/api/intents", new
        {
            enterpriseId = Guid.NewGuid(), industry = "数字经济", intendedInvestment = "一亿", district = "呈贡区",
        });
        Assert.True(Errors(problem).ContainsKey("intendedInvestment"));

        problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Post, "/api/enterprises", new
        {
            name = "角色错误企业", uscc = TestData.NewUscc(), hqRegion = "粤港澳大湾区", industryChain = "电子信息", chainRole = "Boss",
        });
        Assert.True(Errors(problem).ContainsKey("chainRole"));
    }

    [Fact]
    public async Task A_duplicate_uscc_is_a_conflict()
    {
        var uscc = TestData.NewUscc();
        var enterprise = new { name = "重复统一社会信用代码企业", uscc, hqRegion = "长三角", industryChain = "装备制造", chainRole = "Supplier" };
        await _staff.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/enterprises", enterprise);
        await ExpectProblemAsync(HttpStatusCode.Conflict, system.Lead, HttpMethod.Post, "/api/enterprises", enterprise);
        Assert.Equal(1, await system.ScalarAsync<int>(system.Lead, "SELECT count(*) FROM enterprises WHERE uscc = @uscc", new { uscc }));
    }

    private async Task<JsonElement> ExpectProblemAsync(HttpStatusCode status, ServiceProcess service, HttpMethod method, string path, object? body = null)
    {
        using var response = await _staff.SendAsync(service, method, path, body);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    private static Dictionary<string, string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(
            e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));

    private Task<int> OutboxRowsAboutAsync(ServiceProcess service, string messageType, Guid projectId) =>
        system.ScalarAsync<int>(service,
            "SELECT count(*) FROM outbox_messages WHERE message_type = @Type AND body->>'projectId' = @Id",
            new { Type = $"Zhaoshang.Contracts.{messageType}", Id = projectId.ToString() });
}
