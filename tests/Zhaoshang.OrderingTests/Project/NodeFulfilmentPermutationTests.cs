using Xunit.Abstractions;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>
/// The approval grants that complete a project's nodes, in publish order after signing and then shuffled with duplicates,
/// some arriving before the signing that makes the plan: every plan ends as the in-order one — each event-fulfilled node
/// complete on the earliest grant's day, the others open.
/// </summary>
[Collection(ProjectCollection.Name)]
public sealed class NodeFulfilmentPermutationTests(ProjectDatabase fixture, ITestOutputHelper output)
{
    private const int Permutations = 24;

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Grants_before_or_after_the_plan_in_any_order_complete_the_same_nodes()
    {
        var desk = new ProjectDesk(fixture.Db, _clock);
        var consumers = ProjectConsumers.All(fixture.Db, _clock);
        var expected = await RunAsync(desk, consumers, deliveries => (0, deliveries));
        Assert.Contains("filing@2026-11-23 by system", expected);           // 备案 fulfils the 备案/核准 node
        Assert.Contains("eia@2026-11-25 by system", expected);              // the earlier of two grants of the same item
        Assert.Contains("acceptance@open", expected);                       // completed by its owner only

        var random = new Random(1700);
        var differences = new List<string>();
        for (var permutation = 0; permutation < Permutations; permutation++)
        {
            var actual = await RunAsync(desk, consumers, deliveries =>
            {
                var order = Infrastructure.Permutations.Shuffle(deliveries, random);
                return (random.Next(order.Count + 1), order);
            });
            if (actual != expected)
                differences.Add($"permutation {permutation}:\n  in order {expected}\n  got      {actual}");
        }

        output.WriteLine($"{Permutations} permutations with duplicates, {differences.Count} differing from the in-order plan");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(3)));
    }

    /// <summary>A new project; <c>before</c> of the ordered deliveries reach it before it is signed, the rest after.</summary>
    private async Task<string> RunAsync(
        ProjectDesk desk, Consumers consumers, Func<IReadOnlyList<Delivery>, (int Before, IReadOnlyList<Delivery> Order)> arrange)
    {
        var projectId = await desk.OpenAsync();
        var (before, order) = arrange(Grants(projectId));
        await consumers.DeliverAllAsync(order.Take(before));
        await desk.SignAsync(projectId);
        await consumers.DeliverAllAsync(order.Skip(before));
        var nodes = await fixture.Db.QueryAsync<(string Code, DateOnly? CompletedOn, string? CompletedBy)>(
            "SELECT code, completed_on, completed_by FROM project_nodes WHERE project_id = @projectId ORDER BY position", new { projectId });
        return string.Join(", ", nodes.Select(n => n.CompletedOn is { } on ? $"{n.Code}@{on:yyyy-MM-dd} by {n.CompletedBy}" : $"{n.Code}@open"));
    }

    private IReadOnlyList<Delivery> Grants(Guid projectId)
    {
        var caseId = Guid.CreateVersion7();
        Delivery Grant(string code, int day, int caseVersion) => Delivery.Of(
            new ApprovalItemGranted(projectId, caseId, code, code, new DateOnly(2026, 11, day), _clock.Now, caseVersion));
        return
        [
            Grant("filing", 23, 2), Grant("land-pre-review", 24, 3), Grant("eia-form", 25, 4), Grant("energy-review", 26, 5),
            Grant("eia-form", 27, 8),                 // granted again after a return: the node keeps the first day
            Grant("land-planning-permit", 30, 9), Grant("construction-permit", 30, 10), Grant("design-review", 27, 7),
        ];
    }
}
