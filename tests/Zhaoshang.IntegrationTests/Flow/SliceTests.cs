using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Flow;

[Collection(SystemCollection.Name)]
public class SliceTests(SystemFixture system)
{
    [Fact]
    public async Task An_intent_becomes_a_signed_project_with_its_approval_case_and_ledger_opened_in_one_trace()
    {
        var journey = new Journey(system);
        var enterpriseId = await journey.CreateEnterpriseAsync("宁德时代新能源（安宁）");
        var intentId = await journey.CreateIntentAsync(enterpriseId, 1_200_000_000.00m);
        await journey.QualifyAsync(intentId);
        var projectId = await journey.ConvertAsync(intentId);

        var intent = await journey.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/{intentId}");
        Assert.Equal("Converted", intent.GetProperty("status").GetString());
        Assert.Equal(projectId, intent.GetProperty("projectId").GetGuid());

        var negotiating = await journey.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "Negotiating", "the project is Negotiating");
        Assert.Equal(intentId, negotiating.GetProperty("intentId").GetGuid());
        Assert.Equal("宁德时代新能源（安宁）", negotiating.GetProperty("enterpriseName").GetString());
        Assert.Equal(1_200_000_000.00m, negotiating.GetProperty("intendedInvestment").GetDecimal());

        var confirmed = await journey.EventuallyAsync(system.Lead, $"/api/intents/{intentId}",
            i => i.GetProperty("projectOpenedAt").ValueKind == JsonValueKind.String, "the intent shows its project was opened");
        Assert.Equal(projectId, confirmed.GetProperty("projectId").GetGuid());

        var signed = await journey.SignAsync(projectId, 1_000_000_000.55m);
        Assert.Equal("Signed", signed.GetProperty("state").GetString());
        Assert.Equal(1_000_000_000.55m, signed.GetProperty("contractedInvestment").GetDecimal());

        var approvalCase = await journey.EventuallyAsync(system.Approval, $"/api/projects/{projectId}/approval-case", _ => true, "the approval case is open");
        var items = approvalCase.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(9, items.Count);
        Assert.Contains(items, i => i.GetProperty("name").GetString() == "施工许可证" && i.GetProperty("landDependent").GetBoolean());
        Assert.Equal(1_000_000_000.55m, approvalCase.GetProperty("case").GetProperty("contractedInvestment").GetDecimal());

        var ledger = await journey.EventuallyAsync(system.Funding, $"/api/projects/{projectId}/ledger", _ => true, "the funding ledger is open");
        Assert.Equal(1_000_000_000.55m, ledger.GetProperty("contractedInvestment").GetDecimal());

        var project = await journey.WaitForProjectAsync(projectId,
            p => p.GetProperty("approval").ValueKind == JsonValueKind.Object && p.GetProperty("funding").ValueKind == JsonValueKind.Object,
            "the project shows its approval case and ledger as opened");
        Assert.Equal(approvalCase.GetProperty("case").GetProperty("id").GetGuid(), project.GetProperty("approval").GetProperty("caseId").GetGuid());
        Assert.Equal(9, project.GetProperty("approval").GetProperty("itemCount").GetInt32());
        Assert.Equal(ledger.GetProperty("ledgerId").GetGuid(), project.GetProperty("funding").GetProperty("ledgerId").GetGuid());

        // Each service exports in its own batches: wait until every span asserted below has arrived.
        (string? Service, string Scope)[] expected =
        [
            (null, "Zhaoshang.Lead"), (null, "Zhaoshang.Project"), (null, "Zhaoshang.Approval"), (null, "Zhaoshang.Funding"),
            ("zhaoshang-project", "MassTransit"), ("zhaoshang-approval", "MassTransit"), ("zhaoshang-funding", "MassTransit"),
            ("zhaoshang-lead", "Zhaoshang.Platform"), (null, "Npgsql"), (null, "Microsoft.AspNetCore"),
        ];
        var spans = await Eventually.AssertAsync(
            () => Task.FromResult(system.Traces.Spans.Where(s => s.TraceId == journey.TraceId).ToList()),
            s => s.Select(x => x.Service).Distinct().Count() == 4
                 && expected.All(e => s.Any(x => x.Scope == e.Scope && (e.Service is null || x.Service == e.Service)))
                 && s.Count(x => x.Scope == "MassTransit" && x.Service == "zhaoshang-project") >= 3,
            "spans of all four services arrive under the journey's trace id");
        Assert.Equal(
            ["zhaoshang-approval", "zhaoshang-funding", "zhaoshang-lead", "zhaoshang-project"],
            spans.Select(s => s.Service).Distinct().Order());
        foreach (var service in new[] { "zhaoshang-project", "zhaoshang-approval", "zhaoshang-funding" })
            Assert.Contains(spans, s => s.Service == service && s.Scope == "MassTransit");
        Assert.Contains(spans, s => s.Service == "zhaoshang-lead" && s.Scope == "Zhaoshang.Platform");
        Assert.Contains(spans, s => s.Scope == "Npgsql");
        Assert.Contains(spans, s => s.Scope == "Microsoft.AspNetCore");
    }
}
