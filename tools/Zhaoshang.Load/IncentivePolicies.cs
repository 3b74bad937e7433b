using System.Net;

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
}
