using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Idempotency;

/// <summary>The OpenAPI documents offer the Idempotency-Key header on every creating POST, and only there.</summary>
[Collection(SystemCollection.Name)]
public class IdempotencyKeyDocumentTests(SystemFixture system)
{
    [Fact]
    public async Task Every_creating_post_and_only_those_take_the_key_once()
    {
        var operations = new Dictionary<string, int>();
        foreach (var service in new[] { system.Lead, system.Project, system.Approval, system.Funding })
        {
            using var client = system.Client(service, token: null);
            var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
            foreach (var operation in document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()))
            {
                var keys = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Count(p => p.GetProperty("in").GetString() == "header"
                        && p.GetProperty("name").GetString() == "Idempotency-Key")
                    : 0;
                if (keys > 0)
                    operations[operation.Value.GetProperty("operationId").GetString()!] = keys;
            }
        }

        Assert.Equal(
            new[]
            {
                "CreateEnterprise", "CreateEvent", "CreateIncentivePolicy", "CreateIntent", "CreateNodePlanTemplate", "CreatePark", "PayIncentiveStage",
                "RaiseIncentiveClaim", "RecordFollowUp", "ReportFunds", "UploadApprovalItemAttachment", "UploadFollowUpAttachment",
                "UploadFundsReportAttachment", "UploadNodeAttachment",
            },
            operations.Keys.Order());
        Assert.All(operations, o => Assert.Equal(1, o.Value));
    }
}
