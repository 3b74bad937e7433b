using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// Every endpoint × every caller: allowed calls succeed, the others get 401/403 — or 404 where saying "forbidden"
/// would reveal that another district's record exists — and a refused call writes nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public class AccessMatrixTests(SystemFixture system)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Shared? _shared;

    /// <summary>A signed project in 安宁市 / 安宁工业园区 that the read endpoints are asked about.</summary>
    private sealed record Shared(Guid EnterpriseId, Guid IntentId, Guid ProjectId);

    public static IEnumerable<object[]> Cases() =>
        from endpoint in Endpoints
        from caller in endpoint.Value
        select new object[] { endpoint.Key, caller.Key, caller.Value };

    private static readonly Dictionary<string, Dictionary<string, int>> Endpoints = new()
    {
        ["GET lead /api/enterprises/{id}"] = Callers.Expect(200),
        ["GET lead /api/intents/{id}"] = Callers.Expect(403, ("bureau", 200), ("district", 200), ("other-district", 404), ("auditor", 200)),
        ["GET project /api/projects/{id}"] = Callers.Expect(200, ("other-district", 404), ("other-park", 404)),
        ["GET approval /api/projects/{id}/approval-case"] = Callers.Expect(200, ("other-district", 404), ("other-park", 404), ("finance", 403)),
        ["GET funding /api/projects/{id}/ledger"] = Callers.Expect(200, ("other-district", 404), ("other-park", 404)),
        ["GET lead /api/audit"] = Callers.Expect(403, ("bureau", 200), ("auditor", 200)),
        ["GET project /api/audit"] = Callers.Expect(403, ("bureau", 200), ("auditor", 200)),
        ["GET approval /api/audit"] = Callers.Expect(403, ("bureau", 200), ("auditor", 200)),
        ["GET funding /api/audit"] = Callers.Expect(403, ("bureau", 200), ("auditor", 200)),
        ["POST lead /api/enterprises"] = Callers.Expect(403, ("bureau", 201), ("district", 201), ("other-district", 201)),
        ["POST lead /api/intents"] = Callers.Expect(403, ("bureau", 201), ("district", 201)),
        ["POST lead /api/intents/{id}/convert"] = Callers.Expect(403, ("bureau", 202), ("district", 202), ("other-district", 404)),
        ["POST project /api/projects/{id}/sign"] = Callers.Expect(403, ("bureau", 200), ("district", 200), ("other-district", 404)),
        ["POST approval /api/integrations/tzxm/decisions"] = Callers.Expect(401),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_what_its_role_and_scope_allow(string endpoint, string caller, int expected)
    {
        var shared = await SharedAsync();
        var journey = new Journey(system, Callers.Tokens[caller]);
        var bureau = new Journey(system);
        HttpResponseMessage response;
        Func<Task> assertNothingWritten = () => Task.CompletedTask;
        switch (endpoint)
        {
            case "GET lead /api/enterprises/{id}":
                response = await journey.SendAsync(system.Lead, HttpMethod.Get, $"/api/enterprises/{shared.EnterpriseId}");
                break;
            case "GET lead /api/intents/{id}":
                response = await journey.SendAsync(system.Lead, HttpMethod.Get, $"/api/intents/{shared.IntentId}");
                break;
            case "GET project /api/projects/{id}":
                response = await journey.SendAsync(system.Project, HttpMethod.Get, $"/api/projects/{shared.ProjectId}");
                break;
            case "GET approval /api/projects/{id}/approval-case":
                response = await journey.SendAsync(system.Approval, HttpMethod.Get, $"/api/projects/{shared.ProjectId}/approval-case");
                break;
            case "GET funding /api/projects/{id}/ledger":
                response = await journey.SendAsync(system.Funding, HttpMethod.Get, $"/api/projects/{shared.ProjectId}/ledger");
                break;
            case var audit when audit.EndsWith(" /api/audit", StringComparison.Ordinal):
                var service = audit.Split(' ')[1] switch
                {
                    "lead" => system.Lead, "project" => system.Project, "approval" => system.Approval, _ => system.Funding,
                };
                response = await journey.SendAsync(service, HttpMethod.Get, $"/api/audit?recordId={shared.ProjectId}");
                break;
            case "POST lead /api/enterprises":
                var uscc = TestData.NewUscc();
                response = await journey.SendAsync(system.Lead, HttpMethod.Post, "/api/enterprises", new
                {
                    name = $"权限测试企业 {caller}", uscc, hqRegion = "京津冀", industryChain = "生物医药", chainRole = "Supplier",
                });
                assertNothingWritten = async () => Assert.Equal(0, await system.ScalarAsync<int>(system.Lead,
                    "SELECT count(*) FROM enterprises WHERE uscc = @uscc", new { uscc }));
                break;
            case "POST lead /api/intents":
                var enterpriseId = await bureau.CreateEnterpriseAsync();
                response = await journey.SendAsync(system.Lead, HttpMethod.Post, "/api/intents", new
                {
                    enterpriseId, industry = "绿色铝", intendedInvestment = 500_000_000m, district = Journey.District,
                });
                assertNothingWritten = async () => Assert.Equal(0, await system.ScalarAsync<int>(system.Lead,
                    "SELECT count(*) FROM cooperation_intents WHERE enterprise_id = @enterpriseId", new { enterpriseId }));
                break;
            case "POST lead /api/intents/{id}/convert":
                var intentId = await bureau.CreateIntentAsync(await bureau.CreateEnterpriseAsync());
                await bureau.QualifyAsync(intentId);
                response = await journey.SendAsync(system.Lead, HttpMethod.Post, $"/api/intents/{intentId}/convert");
                assertNothingWritten = async () =>
                {
                    Assert.Equal("Qualified", await system.ScalarAsync<string>(system.Lead,
                        "SELECT status FROM cooperation_intents WHERE id = @intentId", new { intentId }));
                    Assert.Equal(3, await AuditRowsAsync(system.Lead, intentId));
                };
                break;
            case "POST project /api/projects/{id}/sign":
                var projectId = await bureau.StartProjectAsync();
                await bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
                response = await journey.SendAsync(system.Project, HttpMethod.Post, $"/api/projects/{projectId}/sign", new
                {
                    agreementNo = "KM-ACCESS", signedOn = "2026-11-20", contractedInvestment = 800_000_000m, park = Journey.Park,
                });
                assertNothingWritten = async () =>
                {
                    Assert.Equal("Negotiating", await system.ScalarAsync<string>(system.Project,
                        "SELECT state FROM projects WHERE id = @projectId", new { projectId }));
                    Assert.Equal(1, await AuditRowsAsync(system.Project, projectId));
                };
                break;
            case "POST approval /api/integrations/tzxm/decisions":
                var decisionId = $"ACCESS-{Guid.NewGuid():N}";
                response = await journey.SendAsync(system.Approval, HttpMethod.Post, "/api/integrations/tzxm/decisions", new
                {
                    decisionId, projectId = shared.ProjectId, itemCode = "filing", outcome = "Granted", decidedAt = DateTimeOffset.UtcNow,
                });
                assertNothingWritten = async () => Assert.Equal(0, await system.ScalarAsync<int>(system.Approval,
                    "SELECT count(*) FROM external_decisions WHERE decision_id = @decisionId", new { decisionId }));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == expected, $"{caller} → {endpoint}: expected {expected}, got {(int)response.StatusCode} {body}");
            if (expected >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(expected, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
                await assertNothingWritten();
            }
        }
    }

    private Task<int> AuditRowsAsync(ServiceProcess service, Guid recordId) =>
        system.ScalarAsync<int>(service, "SELECT count(*) FROM audit_log WHERE record_id = @recordId", new { recordId });

    private async Task<Shared> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is not null)
                return _shared;
            var bureau = new Journey(system);
            var enterpriseId = await bureau.CreateEnterpriseAsync();
            var intentId = await bureau.CreateIntentAsync(enterpriseId);
            await bureau.QualifyAsync(intentId);
            var projectId = await bureau.ConvertAsync(intentId);
            await bureau.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
            await bureau.SignAsync(projectId);
            await bureau.WaitForProjectAsync(projectId,
                p => p.GetProperty("approval").ValueKind == JsonValueKind.Object && p.GetProperty("funding").ValueKind == JsonValueKind.Object,
                "approval case and ledger are open");
            return _shared = new Shared(enterpriseId, intentId, projectId);
        }
        finally
        {
            Gate.Release();
        }
    }
}
