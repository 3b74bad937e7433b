using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Approval;

/// <summary>
/// Seeded random journeys delivered to the approval consumers in many random orders, with duplicates: every end state
/// (case, items, decisions, park name, what waits, the events published) equals the one of the journey in publish order.
/// </summary>
[Collection(ApprovalCollection.Name)]
public sealed class ApprovalPermutationTests(ApprovalDatabase fixture, ITestOutputHelper output)
{
    private static readonly int Journeys = Permutations.Sampled(16);
    private static readonly int PermutationsPerJourney = Permutations.Sampled(8);

    private readonly ApprovalHarness _approval = new(fixture.Db);

    [Fact]
    public async Task Any_order_and_any_duplication_of_a_journeys_messages_ends_as_the_journey_in_order()
    {
        var tried = 0;
        var failures = new List<string>();
        for (var seed = 1; seed <= Journeys; seed++)
        {
            var (inOrder, description) = await RunAsync(seed, messages => messages);
            output.WriteLine(description);
            for (var permutation = 1; permutation <= PermutationsPerJourney; permutation++)
            {
                var random = new Random(seed * 1000 + permutation);
                var (state, _) = await RunAsync(seed, messages => Permutations.Shuffle(messages, random));
                tried++;
                if (state != inOrder)
                    failures.Add($"journey {seed}, permutation {permutation} (seed {seed * 1000 + permutation}):\n{Diff(inOrder, state)}");
            }
        }

        output.WriteLine($"{Journeys} journeys, {tried} permutations with duplicates, {failures.Count} ended differently from the order they were sent in");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
    }

    /// <summary>Delivers one journey, in the order <paramref name="arrange"/> makes of it, to a fresh project and park.</summary>
    private async Task<(string State, string Description)> RunAsync(
        int seed, Func<IReadOnlyList<Delivery>, IReadOnlyList<Delivery>> arrange)
    {
        var (projectId, parkId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (messages, description) = ApprovalJourney.Generate(_approval, seed, projectId, parkId);
        await _approval.Consumers().DeliverAllAsync(arrange(messages.Select(Delivery.Of).ToList()));
        return (await EndStateAsync(projectId, parkId), description);
    }

    /// <summary>The end state without generated ids and with the case version checked apart (see below).</summary>
    private async Task<string> EndStateAsync(Guid projectId, Guid parkId)
    {
        var state = new StringBuilder();
        var approvalCase = (await _approval.CaseAsync(projectId))!;
        state.AppendLine($"case {approvalCase with { Id = Guid.Empty, ProjectId = Guid.Empty, ParkId = null, OpenedAt = default }}");
        foreach (var item in (await _approval.ItemsAsync(projectId)).Values.OrderBy(i => i.Code))
            state.AppendLine($"item {item.Code} {item.Status} opened {item.OpenedOn} due {item.DueOn} decided {item.DecidedAt:O} submission {item.Submission}");
        foreach (var (decision, status) in (await _approval.DecisionStatusesAsync(projectId)).OrderBy(d => d.Key))
            state.AppendLine($"decision {decision.Replace(projectId.ToString("N"), "")} {status}");
        state.AppendLine($"park {string.Join(" ", await fixture.Db.QueryAsync<string>("SELECT name || ' v' || version FROM parks WHERE id = @parkId", new { parkId }))}");
        state.AppendLine($"waiting {await _approval.ParkedAsync(projectId)}");

        // CaseVersion numbers the case's changes in the order they happened, which is the arrival order: it is checked to
        // be distinct per event and within the final version, not compared. The 项目代码 goes with a submission when
        // filing was decided before the item opened, which is arrival order too.
        var events = await _approval.EventsAsync(projectId);
        var caseVersions = events.Select(e => e.Body["caseVersion"]).OfType<JsonNode>().Select(v => v.GetValue<int>()).ToList();
        Assert.Equal(caseVersions.Count, caseVersions.Distinct().Count());
        Assert.All(caseVersions, v => Assert.InRange(v, 1, approvalCase.Version));
        foreach (var line in events.Select(e => $"event {e.Type} {Normalised(e.Body)}").Order(StringComparer.Ordinal))
            state.AppendLine(line);
        return state.ToString();
    }

    private static string Normalised(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        foreach (var generated in new[] { "projectId", "caseId", "caseVersion", "nationalProjectCode" })
            copy.Remove(generated);
        return copy.ToJsonString();
    }

    private static string Diff(string expected, string actual)
    {
        var (want, got) = (expected.Split('\n').ToHashSet(), actual.Split('\n').ToHashSet());
        return string.Join("\n", want.Except(got).Select(l => $"- {l}").Concat(got.Except(want).Select(l => $"+ {l}")));
    }
}
