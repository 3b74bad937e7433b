using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Zhaoshang.Load;

/// <summary>
/// One project from target enterprise to production, as bureau staff, finance and the approval system would take
/// it: enterprise → intent → follow-up → qualify → convert → sign → funds report verified → every approval granted
/// by webhook → register → land (construction starts by itself) → go live. Each staff step tolerates its own
/// earlier success (a 409 after a retried request whose answer was lost), so a restarted service cannot fail it.
/// </summary>
public sealed class ProjectFlow(FlowClient client, FlowOptions options, Guid? incentivePolicyId = null)
{
    public const string District = "安宁市";
    public const string Park = "安宁工业园区";

    private SystemUnderLoad Target => client.Target;

    public async Task RunAsync(ProjectRecord record)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await OpenAsync(record);
            await SignAsync(record);
            await ReportFundsAsync(record);
            await GrantApprovalsAsync(record);
            await BuildAsync(record);
            if (options.PayIncentives && incentivePolicyId is { } policyId)
                await PayIncentiveAsync(record, policyId);
        }
        catch (Exception ex)
        {
            record.Failure = ex.Message;
        }

        record.Elapsed = clock.Elapsed;
    }

    private async Task OpenAsync(ProjectRecord record)
    {
        var uscc = UsccCodes.New();
        var enterprise = await client.AsBureauAsync(Target.Lead, HttpMethod.Post, "/api/enterprises", new
        {
            name = $"压测企业{record.Number:D5}", uscc, hqRegion = "长三角", industryChain = "绿色铝", chainRole = "ChainLeader",
        });
        record.EnterpriseId = enterprise.Is(HttpStatusCode.Conflict)
            ? Expect(await client.AsBureauAsync(Target.Lead, HttpMethod.Get, $"/api/enterprises?uscc={uscc}"), HttpStatusCode.OK)
                .GetProperty("items")[0].GetProperty("id").GetGuid()
            : Expect(enterprise, HttpStatusCode.Created).GetProperty("id").GetGuid();

        var intent = await client.AsBureauAsync(Target.Lead, HttpMethod.Post, "/api/intents", new
        {
            enterpriseId = record.EnterpriseId, industry = "绿色铝", intendedInvestment = options.Investment, district = District,
        });
        record.IntentId = Expect(intent, HttpStatusCode.Created).GetProperty("id").GetGuid();
        var path = $"/api/intents/{record.IntentId}";
        var today = FlowOptions.Today;
        await StepAsync(Target.Lead, $"{path}/follow-ups", new
        {
            kind = "VisitOut", occurredOn = today, summary = "赴企业总部对接投资意向", nextStep = "园区实地考察", nextStepOn = today.AddDays(7),
        }, HttpStatusCode.Created);
        await StepAsync(Target.Lead, $"{path}/qualify", new { reason = "符合园区产业定位" });
        await StepAsync(Target.Lead, $"{path}/convert", null, HttpStatusCode.Accepted);

        var converted = Expect(await client.AsBureauAsync(Target.Lead, HttpMethod.Get, path), HttpStatusCode.OK);
        record.ProjectId = converted.GetProperty("projectId").GetGuid();
        await WaitForProjectAsync(record, _ => true, "the converted intent becomes a project");
        record.Opened = true;
    }

    private async Task SignAsync(ProjectRecord record)
    {
        await StepAsync(Target.Project, $"/api/projects/{record.ProjectId}/sign", new
        {
            agreementNo = $"KM-{record.ProjectId.ToString()[..8]}", signedOn = FlowOptions.Today, contractedInvestment = options.Investment,
            park = Park,
        });
        await WaitForProjectAsync(record,
            p => p.GetProperty("approval").ValueKind == JsonValueKind.Object && p.GetProperty("funding").ValueKind == JsonValueKind.Object,
            "the approval case and the funding ledger open");
    }

    private async Task ReportFundsAsync(ProjectRecord record)
    {
        var report = Expect(await client.AsBureauAsync(Target.Funding, HttpMethod.Post, $"/api/projects/{record.ProjectId}/funds-reports", new
        {
            amount = options.FundsInPlace, currency = "CNY", source = "OutsideProvince", use = "FixedAssets", reportedOn = FlowOptions.Today,
            evidenceRef = $"进账单-{record.ProjectId.ToString()[..8]}",
        }), HttpStatusCode.Created);
        var verify = await client.AsFinanceAsync(Target.Funding, HttpMethod.Post, $"/api/funds-reports/{report.GetProperty("id").GetGuid()}/verify");
        if (!verify.Is(HttpStatusCode.Conflict))
            Expect(verify, HttpStatusCode.OK);
    }

    private async Task GrantApprovalsAsync(ProjectRecord record)
    {
        var approvalCase = Expect(await client.AsBureauAsync(Target.Approval, HttpMethod.Get, $"/api/projects/{record.ProjectId}/approval-case"),
            HttpStatusCode.OK);
        var decidedAt = DateTimeOffset.UtcNow;
        foreach (var item in approvalCase.GetProperty("items").EnumerateArray())
        {
            var code = item.GetProperty("code").GetString()!;
            var started = Stopwatch.GetTimestamp();
            var receipt = await client.WebhookAsync(new
            {
                decisionId = $"LOAD-{record.ProjectId:N}-{code}", projectId = record.ProjectId, itemCode = code, outcome = "Granted", decidedAt,
                projectCode = code == "filing" ? $"2611-530181-04-01-{record.Number % 1_000_000:D6}" : null, remarks = "准予许可",
            });
            if (receipt.Is(HttpStatusCode.Accepted))
                record.WebhookLatencies.Add(Stopwatch.GetElapsedTime(started));
            else
                Expect(receipt, HttpStatusCode.OK); // a redelivery of a decision whose first answer was lost
        }

        await WaitForProjectAsync(record, p => p.GetProperty("preLandApprovalsCompletedOn").ValueKind == JsonValueKind.String,
            "the pre-land approvals complete");
    }

    private async Task BuildAsync(ProjectRecord record)
    {
        var path = $"/api/projects/{record.ProjectId}";
        await StepAsync(Target.Project, $"{path}/register", new { companyName = $"压测项目公司{record.Number:D5}", companyUscc = UsccCodes.New() });
        await StepAsync(Target.Project, $"{path}/acquire-land", new
        {
            parcelId = $"KCZ-{record.ProjectId.ToString()[..8]}", areaMu = 120.5m, contractDate = FlowOptions.Today,
        });
        await WaitForProjectAsync(record, p => p.GetProperty("state").GetString() == "UnderConstruction", "construction starts on land day");
        await StepAsync(Target.Project, $"{path}/go-live", new { });
    }

    /// <summary>Finance approves the claim construction start raised and pays each stage, one Idempotency-Key per stage.</summary>
    private async Task PayIncentiveAsync(ProjectRecord record, Guid policyId)
    {
        var claim = await IncentivePolicies.WaitForClaimAsync(client, record.ProjectId, policyId, options);
        await IncentivePolicies.ApproveAsync(client, claim);
        await IncentivePolicies.PayEveryStageAsync(client, claim);
    }

    /// <summary>A staff action; a 409 is taken as this action's own earlier success only if a retry could explain it.</summary>
    private async Task StepAsync(Uri service, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var reply = await client.AsBureauAsync(service, HttpMethod.Post, path, body);
        if (reply.Is(HttpStatusCode.Conflict) && client.Retries.Values.Sum() > 0)
            return;
        Expect(reply, expected, $"POST {path}");
    }

    private Task<JsonElement> WaitForProjectAsync(ProjectRecord record, Func<JsonElement, bool> holds, string what) =>
        client.WaitForProjectAsync(record.ProjectId, holds, what, options);

    private static JsonElement Expect(Reply reply, HttpStatusCode expected, string? what = null) =>
        reply.Is(expected) ? reply.Body : throw new UnexpectedReplyException(what ?? $"expected {(int)expected}", reply);
}
