using System.Text;
using Zhaoshang.Contracts;
using Zhaoshang.Funding.Incentives;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Funding;

/// <summary>
/// Seeded random journeys (signing, transfers, park renames, stalls and resumes across years, construction start,
/// production, termination), each delivered to the real funding consumers in order once and then in many shuffled
/// orders with duplicates. Funds are verified as soon as the ledger exists; when finance approves and pays the
/// construction-start claim, it does so between two phases (up to construction start, then the rest), each shuffled.
/// Every end state (ledger district/state/park, milestones, claims with policy, status, award, payments and clawbacks,
/// budgets committed, nothing left parked) must equal the in-order one, and the statistics' quarter totals stay in step
/// with the reports and ledgers.
/// </summary>
[Collection(FundingCollection.Name)]
public sealed class FundingPermutationTests(FundingDatabase fixture)
{
    private const int Seed = 1313;
    private static readonly int JourneyCount = Permutations.Sampled(16);
    private static readonly int PermutationCount = Permutations.Sampled(8);
    private static readonly string[] Districts = ["安宁市", "五华区", "官渡区", "呈贡区"];
    private static readonly int[] Years = [2060, 2061, 2062, 2063, 2064];

    private readonly FixedClock _clock = new(new DateTimeOffset(2060, 3, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_permutation_of_a_journeys_messages_ends_as_in_order()
    {
        var desk = new FundingDesk(fixture.Db, _clock);
        foreach (var year in Years)
        {
            await desk.PolicyAsync(year, Milestone.ConstructionStart, clawbackYears: year % 2 == 0 ? 1 : 3);
            await desk.PolicyAsync(year, Milestone.Production);
        }

        var random = new Random(Seed);
        var deliveries = 0;
        for (var number = 1; number <= JourneyCount; number++)
        {
            var journey = Journey.Generate(number, random);
            var expected = await RunAsync(desk, journey, null);
            Console.WriteLine($"journey {number}: {journey}");
            for (var permutation = 1; permutation <= PermutationCount; permutation++)
            {
                var order = new Random(random.Next());
                var (actual, delivered) = await RunAsync(desk, journey, order);
                deliveries += delivered;
                Assert.True(expected.State == actual,
                    $"seed {Seed}, journey {number} ({journey}), permutation {permutation}:\n{delivered} deliveries\nin order:\n{expected.State}\nthis order:\n{actual}");
                Assert.True(await FundsReportQuarters.DriftAsync(fixture.Db) == 0,
                    $"seed {Seed}, journey {number} ({journey}), permutation {permutation}: the statistics' quarter totals are out of step");
            }
        }

        Console.WriteLine($"funding permutations: {JourneyCount} journeys × {PermutationCount} permutations = " +
            $"{JourneyCount * PermutationCount} orders, {deliveries} deliveries, all ending as in order");
    }

    /// <summary>One run of the journey on a fresh project: in order when <paramref name="order"/> is null, else shuffled by it.</summary>
    private async Task<(string State, int Delivered)> RunAsync(FundingDesk desk, Journey journey, Random? order)
    {
        var history = new ProjectHistory(Guid.CreateVersion7(), Districts[0], "安宁工业园区", Guid.CreateVersion7());
        var (before, after) = journey.Realize(history);
        var committedBefore = await CommittedAsync();
        var verified = false;
        var delivered = 0;

        async Task DeliverAsync(IReadOnlyList<Delivery> phase)
        {
            foreach (var delivery in order is null ? phase : Permutations.Shuffle(phase, order))
            {
                await desk.Consumers.DeliverAsync(delivery);
                delivered++;
                // Staff report the funds as soon as the ledger is there for them to report on.
                if (!verified && await desk.LedgerAsync(history.ProjectId) is not null)
                {
                    Assert.Equal(200, await desk.VerifyFundsAsync(history.ProjectId, journey.FundsCny));
                    verified = true;
                }
            }
        }

        await DeliverAsync(before);
        if (journey.StagesPaid is { } stages && await ConstructionStartClaimAsync(history.ProjectId) is { } claimId)
        {
            Assert.Equal(200, await desk.ApproveAsync(claimId));
            for (var stage = 1; stage <= stages; stage++)
                Assert.Equal(201, await desk.PayAsync(claimId, $"{claimId}-{stage}"));
        }

        await DeliverAsync(after);
        return (await EndStateAsync(history.ProjectId, committedBefore), delivered);
    }

    private async Task<Guid?> ConstructionStartClaimAsync(Guid projectId) =>
        (await fixture.Db.QueryAsync<Guid>(
            """
            SELECT c.id FROM incentive_claims c JOIN incentive_policies p ON p.id = c.policy_id
            WHERE c.project_id = @projectId AND p.milestone = 'ConstructionStart'
            """,
            new { projectId })).Cast<Guid?>().SingleOrDefault();

    private async Task<Dictionary<string, decimal>> CommittedAsync() =>
        (await fixture.Db.QueryAsync<(string Name, decimal Committed)>(
            "SELECT name, committed_cny FROM incentive_policies WHERE year BETWEEN @first AND @last",
            new { first = Years[0], last = Years[^1] })).ToDictionary(p => p.Name, p => p.Committed);

    /// <summary>The project's funding state without generated ids or wall-clock times.</summary>
    private async Task<string> EndStateAsync(Guid projectId, Dictionary<string, decimal> committedBefore)
    {
        var text = new StringBuilder();
        foreach (var row in await fixture.Db.QueryAsync<dynamic>(
                     $"""
                      SELECT district, district_version, state, state_version, state_reason, state_on, {LedgerFacts.CurrentPark} AS park
                      FROM funding_ledgers l WHERE project_id = @projectId
                      """, new { projectId }))
            text.AppendLine($"ledger {row}");
        foreach (var row in await fixture.Db.QueryAsync<dynamic>(
                     "SELECT milestone, occurred_on FROM ledger_milestones WHERE project_id = @projectId ORDER BY milestone", new { projectId }))
            text.AppendLine($"milestone {row}");
        foreach (var row in await fixture.Db.QueryAsync<dynamic>(
                     """
                     SELECT p.name AS policy, c.status, c.basis_cny, c.award_cny, c.raised_by, c.decided_by, c.stop_reason,
                            (SELECT coalesce(sum(amount_cny), 0) FROM incentive_payments WHERE claim_id = c.id) AS paid,
                            (SELECT amount_cny || ' ' || reason FROM incentive_clawbacks WHERE claim_id = c.id) AS clawback
                     FROM incentive_claims c JOIN incentive_policies p ON p.id = c.policy_id
                     WHERE c.project_id = @projectId ORDER BY p.name
                     """, new { projectId }))
            text.AppendLine($"claim {row}");
        foreach (var (name, committed) in await CommittedAsync())
            if (committed != committedBefore[name])
                text.AppendLine($"committed {name} {committed - committedBefore[name]:+0.00;-0.00}");
        text.AppendLine($"parked {await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM parked_messages WHERE record_key = @projectId", new { projectId })}");
        return text.ToString();
    }

    /// <summary>
    /// A journey's steps, replayable on a fresh project: each step adds the events the project service would publish.
    /// <see cref="StagesPaid"/>: when set, finance approves the construction-start claim after the step that starts
    /// construction and pays that many stages.
    /// </summary>
    private sealed record Journey(int Number, IReadOnlyList<(string Label, Action<ProjectHistory> Apply)> Steps, int? SplitAfter,
        decimal FundsCny, int? StagesPaid)
    {
        private static readonly string[] Stages = ["Signed", "Registered", "LandAcquired", "UnderConstruction", "InProduction"];

        public (IReadOnlyList<Delivery> Before, IReadOnlyList<Delivery> After) Realize(ProjectHistory history)
        {
            var split = 0;
            for (var i = 0; i < Steps.Count; i++)
            {
                Steps[i].Apply(history);
                if (i == SplitAfter)
                    split = history.Events.Count;
            }

            return SplitAfter is null ? (history.Events, []) : (history.Events.Take(split).ToList(), history.From(split));
        }

        public override string ToString() =>
            $"funds {FundsCny:0} | {string.Join(" → ", Steps.Select(s => s.Label))}" +
            (StagesPaid is { } paid ? $" | finance approves at 开工 and pays {paid} stage(s)" : "");

        public static Journey Generate(int number, Random random)
        {
            var steps = new List<(string, Action<ProjectHistory>)>();
            var day = new DateOnly(2060, 1, 1).AddDays(random.Next(300));
            var signedOn = day;
            steps.Add(($"签约 {day:yyyy-MM-dd}", h => h.Sign(signedOn)));
            var stage = 0;
            var district = 0;
            var parkVersion = 0;
            int? split = null;
            while (stage < Stages.Length - 1 && steps.Count < 14)
            {
                day = day.AddDays(random.Next(5, 160));
                var on = day;
                var roll = random.Next(100);
                // Under construction, a termination is likelier: its claims then have something to stop and claw back.
                if (roll < (stage == 3 ? 35 : 8))
                {
                    steps.Add(($"终止 {on:yyyy-MM-dd}", h => h.Move("Terminated", on, "企业撤资")));
                    break;
                }

                if (roll < 22)
                {
                    district = (district + 1 + random.Next(Districts.Length - 1)) % Districts.Length;
                    var to = Districts[district];
                    steps.Add(($"流转→{to}", h => h.Transfer(to, on)));
                }
                else if (roll < 32)
                {
                    var version = ++parkVersion;
                    steps.Add(($"园区改名v{version}", h => h.RenamePark($"安宁产业园第{version}版", version)));
                }
                else if (roll < 37)
                {
                    var terminatedOn = on.AddDays(random.Next(20, 400));
                    steps.Add(($"停滞 {on:yyyy-MM-dd} 终止 {terminatedOn:yyyy-MM-dd}", h => h.Move("Stalled", on, "企业资金链紧张").Move("Terminated", terminatedOn, "企业撤资")));
                    break;
                }
                else if (roll < 50)
                {
                    var resumedOn = on.AddDays(random.Next(20, 400));
                    steps.Add(($"停滞 {on:yyyy-MM-dd} 恢复 {resumedOn:yyyy-MM-dd}", h => h.StallAndResume(on, resumedOn)));
                    day = resumedOn;
                }
                else
                {
                    var to = Stages[++stage];
                    steps.Add(($"{to} {on:yyyy-MM-dd}", h => h.Move(to, on)));
                    if (to == "UnderConstruction" && random.Next(2) == 0)
                        split = steps.Count - 1;
                }
            }

            decimal[] funds = [5_000_000m, 30_000_000m, 50_000_000m];
            return new Journey(number, steps, split, funds[random.Next(funds.Length)], split is null ? null : random.Next(4));
        }
    }
}
