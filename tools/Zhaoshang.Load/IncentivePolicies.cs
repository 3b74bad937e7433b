using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Zhaoshang.Load;

public static class IncentivePolicies
{
    /// <summary>A construction-start award policy with budget for every project of the run, so each one raises a claim.</summary>
    public static async Task<Guid> OpenForRunAsync(FlowClient client, int projects)
    {
        var reply = await client.AsBureauAsync(client.Target.Funding, HttpMethod.Post, "/api/incentive-policies", new
        {
            name = $"压测开工奖励{Guid.NewGuid():N}"[..14], year = FlowOptions.Today.Year, milestone = "ConstructionStart",
            minFixedAssetCny = 10_000_000m, percentage = 0.01m, capCny = 500_000m, stages = new[] { 0.6m, 0.4m },
            budgetCny = 500_000m * (projects + 1), clawbackYears = 3,
        });
        return reply.Is(HttpStatusCode.Created) ? reply.Body.GetProperty("id").GetGuid() : throw new UnexpectedReplyException("POST /api/incentive-policies", reply);
    }

    /// <summary>The project's claim under the policy, once the milestone's message has raised it.</summary>
    public static async Task<JsonElement> WaitForClaimAsync(FlowClient client, Guid projectId, Guid policyId, FlowOptions options)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var claims = await client.AsFinanceAsync(client.Target.Funding, HttpMethod.Get, $"/api/projects/{projectId}/incentive-claims");
            if (!claims.Is(HttpStatusCode.OK))
                throw new UnexpectedReplyException("list the project's incentive claims", claims);
            var claim = claims.Body.EnumerateArray().FirstOrDefault(c => c.GetProperty("policyId").GetGuid() == policyId);
            if (claim.ValueKind == JsonValueKind.Object)
                return claim;
            if (deadline.Elapsed > options.StepTimeout)
                throw new TimeoutException($"Project {projectId}: no incentive claim raised within {options.StepTimeout.TotalSeconds:0} s.");
            await Task.Delay(options.PollInterval * 10);
        }
    }

    /// <summary>
    /// Finance approves the claim. A 409 is this approval's own earlier success, whose answer was lost, only if the
    /// claim is no longer Raised; any other 409 (the budget spent, say) is the failure it says.
    /// </summary>
    public static async Task ApproveAsync(FlowClient client, JsonElement claim)
    {
        var approval = await client.AsFinanceAsync(client.Target.Funding, HttpMethod.Post, $"/api/incentive-claims/{ClaimId(claim)}/approve");
        if (approval.Is(HttpStatusCode.OK))
            return;
        if (!approval.Is(HttpStatusCode.Conflict)
            || !approval.Body.TryGetProperty("currentState", out var state) || state.GetString() == "Raised")
            throw new UnexpectedReplyException("approve the incentive claim", approval);
    }

    /// <summary>Finance pays each stage of the approved claim, one Idempotency-Key per stage.</summary>
    public static async Task PayEveryStageAsync(FlowClient client, JsonElement claim)
    {
        var claimId = ClaimId(claim);
        var read = await client.AsFinanceAsync(client.Target.Funding, HttpMethod.Get, $"/api/incentive-claims/{claimId}");
        if (!read.Is(HttpStatusCode.OK))
            throw new UnexpectedReplyException("read the incentive claim", read);
        var stages = read.Body.GetProperty("stageAmounts").GetArrayLength();
        for (var stage = 1; stage <= stages; stage++)
        {
            var payment = await client.AsFinanceAsync(client.Target.Funding, HttpMethod.Post, $"/api/incentive-claims/{claimId}/payments",
                idempotencyKey: $"{claimId:N}-stage-{stage}");
            if (!payment.Is(HttpStatusCode.OK) && !payment.Is(HttpStatusCode.Created)) // 200: the replay of a payment whose first answer was lost
                throw new UnexpectedReplyException($"pay stage {stage}", payment);
        }
    }

    private static Guid ClaimId(JsonElement claim) => claim.GetProperty("id").GetGuid();
}
