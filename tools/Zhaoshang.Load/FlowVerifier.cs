using System.Net;
using System.Text.Json;

namespace Zhaoshang.Load;

/// <summary>
/// Checks that a project ended where the flow leads: in production, with a timeline of exactly the expected
/// transitions (each once), its verified funds on the project, and exactly one incentive claim under the policy.
/// Fills in when land was acquired and construction started, from the timeline.
/// </summary>
public sealed class FlowVerifier(FlowClient client, FlowOptions options, Guid? incentivePolicyId)
{
    public static readonly string[] ExpectedTimeline =
    [
        "→Negotiating", "Negotiating→Signed", "Signed→Registered", "Registered→LandAcquired", "LandAcquired→UnderConstruction",
        "UnderConstruction→InProduction",
    ];

    /// <summary>The problems found with one project; empty when it is as expected.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(ProjectRecord record)
    {
        if (record.Failure is not null)
            return [$"the flow failed: {record.Failure}"];
        var problems = new List<string>();
        var target = client.Target;
        var project = (await client.AsBureauAsync(target.Project, HttpMethod.Get, $"/api/projects/{record.ProjectId}")).Body;
        if (project.GetProperty("state").GetString() != "InProduction")
            problems.Add($"state {project.GetProperty("state").GetString()}, expected InProduction");
        var funds = project.GetProperty("verifiedFundsCny").GetDecimal();
        if (funds != options.FundsInPlace)
        {
            record.AppliedTwice |= funds > options.FundsInPlace;
            problems.Add($"verified funds {funds}, expected {options.FundsInPlace}");
        }

        var timeline = (await client.AsBureauAsync(target.Project, HttpMethod.Get, $"/api/projects/{record.ProjectId}/timeline")).Body
            .EnumerateArray().ToList();
        var transitions = timeline.Select(e => $"{e.GetProperty("fromState").GetString()}→{e.GetProperty("toState").GetString()}").ToList();
        if (!transitions.SequenceEqual(ExpectedTimeline))
        {
            record.AppliedTwice |= transitions.Count != transitions.Distinct().Count();
            problems.Add($"timeline [{string.Join(", ", transitions)}]");
        }
        record.LandAcquiredAt = At(timeline, "LandAcquired");
        record.ConstructionStartedAt = At(timeline, "UnderConstruction");

        if (incentivePolicyId is { } policyId)
        {
            var claims = await client.AsFinanceAsync(target.Funding, HttpMethod.Get, $"/api/projects/{record.ProjectId}/incentive-claims");
            var ours = claims.Is(HttpStatusCode.OK) ? claims.Body.EnumerateArray().Where(c => c.GetProperty("policyId").GetGuid() == policyId).ToList() : [];
            record.AppliedTwice |= ours.Count > 1;
            if (ours.Count != 1)
                problems.Add($"{ours.Count} incentive claims under the run's policy, expected 1");
            else if (options.PayIncentives)
                problems.AddRange(await VerifyPaymentsAsync(record, ours[0].GetProperty("id").GetGuid()));
        }

        return problems;
    }

    /// <summary>Each stage paid exactly once, and together exactly the award.</summary>
    private async Task<IEnumerable<string>> VerifyPaymentsAsync(ProjectRecord record, Guid claimId)
    {
        var view = (await client.AsFinanceAsync(client.Target.Funding, HttpMethod.Get, $"/api/incentive-claims/{claimId}")).Body;
        var stages = view.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("stage").GetInt32()).Order().ToList();
        var expected = Enumerable.Range(1, view.GetProperty("stageAmounts").GetArrayLength()).ToList();
        var award = view.GetProperty("claim").GetProperty("awardCny").GetDecimal();
        var paid = view.GetProperty("paidCny").GetDecimal();
        record.AppliedTwice |= stages.Count != stages.Distinct().Count() || paid > award;
        return stages.SequenceEqual(expected) && paid == award
            ? []
            : [$"incentive payments for stages [{string.Join(", ", stages)}] totalling {paid}, expected stages [{string.Join(", ", expected)}] totalling {award}"];
    }

    private static DateTimeOffset? At(List<JsonElement> timeline, string state) =>
        timeline.Where(e => e.GetProperty("toState").GetString() == state).Select(e => (DateTimeOffset?)e.GetProperty("occurredAt").GetDateTimeOffset())
            .FirstOrDefault();
}
