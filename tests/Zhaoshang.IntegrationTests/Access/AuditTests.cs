using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>Every change says who made it, when, how, and in which trace — also changes a consumer made for them.</summary>
[Collection(SystemCollection.Name)]
public class AuditTests(SystemFixture system)
{
    private static string DistrictToken => Tokens.For("district", district: Journey.District);

    /// <summary>The provider's demo user for 安宁市 (the token's sub).</summary>
    private const string DistrictSubject = "anning";

    [Fact]
    public async Task Each_change_leaves_one_audit_row_with_its_actor_and_trace()
    {
        var staff = new Journey(system, DistrictToken);
        var enterpriseId = await staff.CreateEnterpriseAsync();
        await AssertAuditedAsync(system.Lead, enterpriseId, "created", staff.TraceId);

        var intentId = await staff.CreateIntentAsync(enterpriseId);
        await AssertAuditedAsync(system.Lead, intentId, "created", staff.TraceId);

        await staff.QualifyAsync(intentId);
        var converting = new Journey(system, DistrictToken);
        var projectId = await converting.ConvertAsync(intentId);
        var converted = await AssertAuditedAsync(system.Lead, intentId, "converted", converting.TraceId);
        Assert.Equal("Qualified", converted.GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("Converted", converted.GetProperty("after").GetProperty("status").GetString());

        // The project service created the project from the conversion message: audited as the district user.
        await converting.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project exists");
        await AssertAuditedAsync(system.Project, projectId, "created from intent", converting.TraceId);

        var signing = new Journey(system, DistrictToken);
        await signing.SignAsync(projectId);
        var signed = await AssertAuditedAsync(system.Project, projectId, "moved to Signed", signing.TraceId);
        Assert.Equal("Signed", signed.GetProperty("after").GetProperty("state").GetString());

        var caseId = (await signing.EventuallyAsync(system.Approval, $"/api/projects/{projectId}/approval-case", _ => true, "the case is open"))
            .GetProperty("case").GetProperty("id").GetGuid();
        await AssertAuditedAsync(system.Approval, caseId, "opened", signing.TraceId);
        var ledgerId = (await signing.EventuallyAsync(system.Funding, $"/api/projects/{projectId}/ledger", _ => true, "the ledger is open"))
            .GetProperty("ledgerId").GetGuid();
        await AssertAuditedAsync(system.Funding, ledgerId, "opened", signing.TraceId);
    }

    [Fact]
    public async Task A_signed_decision_is_audited_as_the_approval_system_with_its_trace()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = ApprovalSystem.SignedDecision(JsonSerializer.Serialize(new
        {
            decisionId = $"AUDIT-{Guid.NewGuid():N}", projectId = Guid.NewGuid(), itemCode = "eia-form", outcome = "Granted",
            decidedAt = DateTimeOffset.UtcNow,
        }));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var client = system.Client(system.Approval, token: null);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var entries = await AuditTrailAsync(system.Approval, id);
        var entry = Assert.Single(entries);
        Assert.Equal("tzxm", entry.GetProperty("actorSubject").GetString());
        Assert.Equal("approval-system", entry.GetProperty("actorRole").GetString());
        Assert.Equal(traceId, entry.GetProperty("traceId").GetString());
    }

    private async Task<JsonElement> AssertAuditedAsync(ServiceProcess service, Guid recordId, string action, string traceId)
    {
        var entries = await Eventually.AssertAsync(
            () => AuditTrailAsync(service, recordId), e => e.Any(x => x.GetProperty("action").GetString() == action),
            $"{service.Name} audits '{action}' of {recordId}");
        var entry = Assert.Single(entries, e => e.GetProperty("action").GetString() == action);
        Assert.Equal(DistrictSubject, entry.GetProperty("actorSubject").GetString());
        Assert.Equal("district", entry.GetProperty("actorRole").GetString());
        Assert.Equal(Journey.District, entry.GetProperty("actorDistrict").GetString());
        Assert.Equal(traceId, entry.GetProperty("traceId").GetString());
        return entry;
    }

    private async Task<List<JsonElement>> AuditTrailAsync(ServiceProcess service, Guid recordId)
    {
        var auditor = new Journey(system, Tokens.For("auditor"));
        var trail = await auditor.ExpectAsync(HttpStatusCode.OK, service, HttpMethod.Get, $"/api/audit?recordId={recordId}");
        return trail.EnumerateArray().ToList();
    }
}
