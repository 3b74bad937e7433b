using Xunit.Abstractions;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Project.Lifecycle;
using static Zhaoshang.Project.Lifecycle.StaffTransitionsApi;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>
/// Seeded random journeys of what the approval and funding services tell the project service (case opened, pre-land
/// complete, permits, returns and rejections with their CaseVersions, ledger opened, funds verified), each delivered in
/// publish order once and then in many shuffled orders with duplicates, each time to a fresh project that staff took to
/// the same stage: every end state must equal the in-order one, and the statistics' month totals stay in step with the
/// projects and reports. <c>ZS_ORDER_JOURNEYS</c> and <c>ZS_ORDER_PERMUTATIONS</c> set the sizes.
/// </summary>
[Collection(ProjectCollection.Name)]
public sealed class ProjectPermutationTests(ProjectDatabase fixture, ITestOutputHelper output)
{
    private static readonly int JourneyCount = Permutations.Sampled(14);
    private static readonly int PermutationCount = Permutations.Sampled(10);

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_order_of_a_projects_messages_ends_as_the_in_order_delivery_does()
    {
        var desk = new ProjectDesk(fixture.Db, _clock);
        var consumers = ProjectConsumers.All(fixture.Db, _clock);
        var differences = new List<string>();
        var tried = 0;
        for (var journey = 0; journey < JourneyCount; journey++)
        {
            var seed = 1300 + journey;
            var random = new Random(seed);
            var plan = JourneyPlan.Draw(random, desk.Today);
            var expected = await RunAsync(desk, consumers, plan, deliveries => deliveries);
            for (var permutation = 0; permutation < PermutationCount; permutation++)
            {
                IReadOnlyList<Delivery>? order = null;
                var actual = await RunAsync(desk, consumers, plan, deliveries => order = Permutations.Shuffle(deliveries, random));
                tried++;
                if (actual != expected)
                    differences.Add($"seed {seed}, permutation {permutation}: {plan}\n  order    {Describe(order!)}\n" +
                                    $"  in order {expected}\n  got      {actual}");
                if (await StatisticsMonths.DriftAsync(fixture.Db) is var drift and not 0)
                    differences.Add($"seed {seed}, permutation {permutation}: the statistics' month totals off by {drift} rows");
            }
        }

        output.WriteLine($"{JourneyCount} journeys, {tried} permutations with duplicates, {differences.Count} differing from the in-order end state");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(5)));
    }

    private async Task<EndState> RunAsync(
        ProjectDesk desk, Consumers consumers, JourneyPlan plan, Func<IReadOnlyList<Delivery>, IReadOnlyList<Delivery>> order)
    {
        var projectId = await desk.ProjectInAsync(plan.Stage);
        if (plan.StalledByStaff)
            await ProjectDesk.OkAsync(StallAsync(projectId, new ReasonRequest("企业内部调整", null), ProjectDesk.Bureau, fixture.Db.Database, _clock, default));
        await consumers.DeliverAllAsync(order(plan.Deliveries(projectId, _clock.Now)));
        return EndState.Of(await desk.ViewAsync(projectId), await desk.TimelineAsync(projectId));
    }

    private static string Describe(IEnumerable<Delivery> deliveries) => string.Join(", ", deliveries.Select(d => d.Message switch
    {
        ApprovalItemReturned m => $"Returned@{m.CaseVersion}",
        ApprovalItemRejected m => $"Rejected@{m.CaseVersion}",
        PreLandApprovalsCompleted m => $"PreLand@{m.CaseVersion}",
        ConstructionPermitIssued m => $"Permit@{m.CaseVersion}",
        FundsVerified m => $"Funds={m.ProjectVerifiedTotalCny}",
        var m => m.GetType().Name,
    }));

    /// <summary>One journey: the stage staff took the project to, and what the other services publish about it, in order.</summary>
    private sealed record JourneyPlan(ProjectState Stage, bool StalledByStaff, IReadOnlyList<(string Kind, int CaseVersion)> CaseEvents,
        IReadOnlyList<decimal> VerifiedTotals, DateOnly Day)
    {
        public static JourneyPlan Draw(Random random, DateOnly day)
        {
            var stage = new[] { ProjectState.Signed, ProjectState.Registered, ProjectState.LandAcquired }[random.Next(3)];
            var caseVersion = random.Next(1, 4);
            var events = new List<(string, int)>();
            void Add(string kind) => events.Add((kind, caseVersion += random.Next(1, 4)));
            void Setbacks(int most)
            {
                for (var i = random.Next(most + 1); i > 0; i--)
                    Add(random.Next(2) == 0 ? "Returned" : "Rejected");
            }

            Setbacks(2);
            if (random.NextDouble() < 0.8)
            {
                Add("PreLand");
                Setbacks(1);
                if (stage == ProjectState.LandAcquired && random.NextDouble() < 0.7)
                {
                    Add("Permit");
                    if (random.NextDouble() < 0.25)
                        Setbacks(1);
                }
            }

            var total = 0m;
            var totals = Enumerable.Range(0, random.Next(4)).Select(_ => total += random.Next(1, 500) * 10_000.01m).ToList();
            return new JourneyPlan(stage, random.NextDouble() < 0.15, events, totals, day);
        }

        /// <summary>The deliveries in publish order: the case and ledger open first, then the case's events and the funds.</summary>
        public IReadOnlyList<Delivery> Deliveries(Guid projectId, DateTimeOffset now)
        {
            var caseId = Guid.CreateVersion7();
            var deliveries = new List<Delivery>
            {
                Delivery.Of(new ApprovalCaseOpened(projectId, caseId, 7, now)),
                Delivery.Of(new FundingLedgerOpened(projectId, Guid.CreateVersion7(), 200_000_000m, now)),
            };
            var funds = VerifiedTotals.Select((total, i) => Delivery.Of(
                new FundsVerified(projectId, Guid.CreateVersion7(), total - (i == 0 ? 0 : VerifiedTotals[i - 1]), total, Day, now))).ToList();
            foreach (var (kind, caseVersion) in CaseEvents)
            {
                deliveries.Add(Delivery.Of(kind switch
                {
                    "Returned" => new ApprovalItemReturned(projectId, caseId, $"item-{caseVersion}", "环评报告表", $"材料不全{caseVersion}", now, caseVersion),
                    "Rejected" => new ApprovalItemRejected(projectId, caseId, $"item-{caseVersion}", "节能审查", $"不符合要求{caseVersion}", now, caseVersion),
                    "PreLand" => new PreLandApprovalsCompleted(projectId, caseId, now, caseVersion),
                    _ => (object)new ConstructionPermitIssued(projectId, caseId, Day, now, caseVersion),
                }));
                if (funds.Count > 0 && caseVersion % 2 == 0)
                {
                    deliveries.Add(funds[0]);
                    funds.RemoveAt(0);
                }
            }

            deliveries.AddRange(funds);
            return deliveries;
        }

        public override string ToString() =>
            $"{Stage}{(StalledByStaff ? " stalled by staff" : "")}, case [{string.Join(", ", CaseEvents.Select(e => $"{e.Kind}@{e.CaseVersion}"))}], " +
            $"funds [{string.Join(", ", VerifiedTotals)}]";
    }

    /// <summary>
    /// What must not depend on the order: state, facts, verified total, case standing and the timeline. The reason counts
    /// where it says why (stalled, terminated). A stall the case caused and a newer case event lifted is a passing state one
    /// order sees and another does not, so the timeline leaves such a pair out; the version counts changes, so it is not compared.
    /// </summary>
    private sealed record EndState(
        ProjectState State, ProjectState? StalledFrom, string? Reason, DateOnly? PreLandCompletedOn, DateOnly? PermitIssuedOn,
        DateOnly? ConstructionStartedOn, decimal VerifiedFundsCny, bool CaseOpen, bool LedgerOpen, string Timeline)
    {
        public static EndState Of(ProjectView project, IReadOnlyList<(string? From, string To, string? Reason)> timeline) => new(
            project.State, project.StalledFrom,
            project.State is ProjectState.Stalled or ProjectState.Terminated ? project.StateReason : null,
            project.PreLandApprovalsCompletedOn, project.ConstructionPermitIssuedOn, project.ConstructionStartedOn, project.VerifiedFundsCny,
            project.Approval is not null, project.Funding is not null, Normalise(timeline));

        private static string Normalise(IReadOnlyList<(string? From, string To, string? Reason)> timeline)
        {
            var entries = timeline.ToList();
            for (var i = 0; i + 1 < entries.Count; i++)
            {
                if (entries[i].To == nameof(ProjectState.Stalled) && entries[i].Reason?.StartsWith("审批") == true &&
                    entries[i + 1].Reason == ApprovalOutcomes.StallLifted)
                {
                    entries.RemoveRange(i, 2);
                    i = -1;
                }
            }

            return string.Join(" → ", entries.Select(e => e.To));
        }
    }
}
