using System.Net;
using System.Text.Json;
using Zhaoshang.Load;

namespace Zhaoshang.DemoData;

/// <summary>
/// A converted intent's project taken as far as the data says, in the order the services expect: transfer, signing,
/// funds (finance verifies), the approval system's decisions, registration, land (construction starts by itself once
/// the certificates are issued, 拿地即开工), the award, production, and a stall last.
/// </summary>
internal sealed partial class Steps
{
    private async Task ProjectAsync(Guid projectId, ProjectSeed project)
    {
        var path = $"/api/projects/{projectId}";
        await client.WaitForProjectAsync(projectId, _ => true, "the converted intent becomes a project", Waiting);
        if (project.Transfer is { } transfer)
            await StaffAsync(Target.Project, HttpMethod.Post, $"{path}/transfer", new { transfer.ToDistrict, transfer.Reason });
        if (project.Sign is not { } sign)
            return;

        await StaffAsync(Target.Project, HttpMethod.Post, $"{path}/sign", new
        {
            sign.AgreementNo, SignedOn = days.On(sign.SignedOn), sign.ContractedInvestment, sign.Park,
        });
        await client.WaitForProjectAsync(projectId,
            p => p.GetProperty("approval").ValueKind == JsonValueKind.Object && p.GetProperty("funding").ValueKind == JsonValueKind.Object,
            "the approval case and the funding ledger open", Waiting);
        foreach (var funds in project.Funds)
            await ReportFundsAsync(projectId, funds);

        if (project.ApprovedOn is { } approvedOn)
            await GrantApprovalsAsync(projectId, approvedOn);
        if (project.Company is { } company)
            await StaffAsync(Target.Project, HttpMethod.Post, $"{path}/register", new { CompanyName = company.Name, CompanyUscc = company.Uscc });
        if (project.Land is { } land)
        {
            await StaffAsync(Target.Project, HttpMethod.Post, $"{path}/acquire-land", new
            {
                land.ParcelId, land.AreaMu, ContractDate = days.On(land.ContractDate),
            });
        }

        if (project.Reach >= ProjectStage.UnderConstruction)
            await client.WaitForProjectAsync(projectId, p => p.GetProperty("state").GetString() == "UnderConstruction",
                "construction starts on the land day", Waiting);
        if (project.Incentive is { } incentive)
            await AwardAsync(projectId, incentive);
        if (project.Reach == ProjectStage.InProduction)
            await StaffAsync(Target.Project, HttpMethod.Post, $"{path}/go-live", new { });
        if (project.Stall is { } reason)
            await StaffAsync(Target.Project, HttpMethod.Post, $"{path}/stall", new { Reason = reason });
    }

    private async Task ReportFundsAsync(Guid projectId, FundsSeed funds)
    {
        var path = $"/api/projects/{projectId}/funds-reports";
        var reportId = Created(await client.AsBureauAsync(Target.Funding, HttpMethod.Post, path, new
        {
            funds.Amount, funds.Currency, funds.Source, funds.Use, ReportedOn = days.On(funds.ReportedOn), funds.EvidenceRef,
        }), $"POST {path}");
        if (funds.Verify)
        {
            var verify = $"/api/funds-reports/{reportId}/verify";
            Expect(await client.AsFinanceAsync(Target.Funding, HttpMethod.Post, verify), $"POST {verify}", HttpStatusCode.OK);
        }
    }

    /// <summary>The approval system grants every item of the case, each decision dated the day it was taken.</summary>
    private async Task GrantApprovalsAsync(Guid projectId, int approvedOn)
    {
        var casePath = $"/api/projects/{projectId}/approval-case";
        var approvalCase = Expect(await client.AsBureauAsync(Target.Approval, HttpMethod.Get, casePath), $"GET {casePath}", HttpStatusCode.OK);
        foreach (var item in approvalCase.GetProperty("items").EnumerateArray())
        {
            var code = item.GetProperty("code").GetString()!;
            var receipt = await client.WebhookAsync(new
            {
                DecisionId = $"DEMO-{projectId:N}-{code}", ProjectId = projectId, ItemCode = code, Outcome = "Granted",
                DecidedAt = days.MorningOf(approvedOn), Remarks = "准予许可",
            });
            Expect(receipt, $"decision on {code}", HttpStatusCode.Accepted);
        }

        await client.WaitForProjectAsync(projectId, p => p.GetProperty("preLandApprovalsCompletedOn").ValueKind == JsonValueKind.String,
            "the pre-land approvals complete", Waiting);
    }

    private async Task AwardAsync(Guid projectId, IncentiveStep step)
    {
        var claim = await IncentivePolicies.WaitForClaimAsync(client, projectId, policyId, Waiting);
        if (step >= IncentiveStep.Approved)
            await IncentivePolicies.ApproveAsync(client, claim);
        if (step == IncentiveStep.Paid)
            await IncentivePolicies.PayEveryStageAsync(client, claim);
    }
}
