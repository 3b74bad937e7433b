using Zhaoshang.Funding.Incentives;
using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Funding;

/// <summary>The incentive scenarios: milestones before the ledger, after a termination, and resumed in a later year.</summary>
[Collection(FundingCollection.Name)]
public sealed class IncentiveOrderingTests(FundingDatabase fixture)
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    private static ProjectHistory Started(DateOnly startedOn) =>
        new ProjectHistory(Guid.CreateVersion7(), "安宁市").Sign(startedOn.AddMonths(-3))
            .Move("Registered", startedOn.AddMonths(-2)).Move("LandAcquired", startedOn.AddMonths(-1)).Move("UnderConstruction", startedOn);

    [Fact]
    public async Task A_construction_start_that_arrives_before_the_ledger_raises_its_claim_once_funds_are_verified()
    {
        var desk = new FundingDesk(fixture.Db, _clock);
        var policyId = await desk.PolicyAsync(2051, Milestone.ConstructionStart);
        var history = Started(new DateOnly(2051, 6, 1));

        await desk.Consumers.DeliverAllAsync(Permutations.Reversed(history.Events));
        await desk.VerifyFundsAsync(history.ProjectId, 30_000_000m);

        Assert.Equal("UnderConstruction", (await desk.LedgerAsync(history.ProjectId))!.State);
        var claim = Assert.Single(await desk.ClaimsAsync(history.ProjectId));
        Assert.Equal((policyId, ClaimStatus.Raised, 1_500_000.00m), (claim.PolicyId, claim.Status, claim.AwardCny));
    }

    [Fact]
    public async Task A_construction_start_that_arrives_after_the_termination_ends_stopped_as_in_order()
    {
        var desk = new FundingDesk(fixture.Db, _clock);
        await desk.PolicyAsync(2052, Milestone.ConstructionStart);
        var endStates = new List<(ClaimStatus, string?)>();
        foreach (var lateMilestone in new[] { false, true })
        {
            var history = Started(new DateOnly(2052, 6, 1)).Move("Terminated", new DateOnly(2052, 8, 1), "企业撤资");
            await desk.Consumers.DeliverAsync(history.Events[0]);
            await desk.VerifyFundsAsync(history.ProjectId, 30_000_000m);
            var rest = history.From(1);
            await desk.Consumers.DeliverAllAsync(lateMilestone ? Permutations.Reversed(rest) : rest);
            var claim = Assert.Single(await desk.ClaimsAsync(history.ProjectId));
            endStates.Add((claim.Status, claim.StopReason));
        }

        Assert.Equal((ClaimStatus.Stopped, "项目终止（企业撤资），停止兑现"), endStates[0]);
        Assert.Equal(endStates[0], endStates[1]);
    }

    [Fact]
    public async Task A_resume_from_stalled_in_a_later_year_raises_no_second_construction_start_claim()
    {
        var desk = new FundingDesk(fixture.Db, _clock);
        var first = await desk.PolicyAsync(2053, Milestone.ConstructionStart);
        await desk.PolicyAsync(2054, Milestone.ConstructionStart);
        var history = new ProjectHistory(Guid.CreateVersion7(), "安宁市").Sign(new DateOnly(2053, 3, 1));
        await desk.Consumers.DeliverAllAsync(history.Events);
        await desk.VerifyFundsAsync(history.ProjectId, 30_000_000m);
        var signing = history.Events.Count;
        history.Move("Registered", new DateOnly(2053, 4, 1)).Move("LandAcquired", new DateOnly(2053, 5, 1))
            .Move("UnderConstruction", new DateOnly(2053, 10, 1)).StallAndResume(new DateOnly(2053, 12, 1), new DateOnly(2054, 2, 1));

        await desk.Consumers.DeliverAllAsync(history.From(signing));

        var claim = Assert.Single(await desk.ClaimsAsync(history.ProjectId));
        Assert.Equal(first, claim.PolicyId);
    }

    [Fact]
    public async Task Termination_stops_approved_and_raised_claims_releases_their_budget_and_claws_back_what_was_paid()
    {
        _clock.Now = new DateTimeOffset(2055, 5, 1, 2, 0, 0, TimeSpan.Zero); // approved and paid within the 3 years before the termination
        var desk = new FundingDesk(fixture.Db, _clock);
        var start = await desk.PolicyAsync(2055, Milestone.ConstructionStart);
        var production = await desk.PolicyAsync(2055, Milestone.Production);
        var history = new ProjectHistory(Guid.CreateVersion7(), "安宁市").Sign(new DateOnly(2055, 1, 1));
        await desk.Consumers.DeliverAllAsync(history.Events);
        await desk.VerifyFundsAsync(history.ProjectId, 30_000_000m);
        var signing = history.Events.Count;
        history.Move("Registered", new DateOnly(2055, 2, 1)).Move("LandAcquired", new DateOnly(2055, 3, 1))
            .Move("UnderConstruction", new DateOnly(2055, 4, 1)).Move("InProduction", new DateOnly(2055, 9, 1));
        await desk.Consumers.DeliverAllAsync(history.From(signing));
        var startClaim = (await desk.ClaimsAsync(history.ProjectId)).Single(c => c.PolicyId == start).Id;
        Assert.Equal(200, await desk.ApproveAsync(startClaim));
        Assert.Equal(201, await desk.PayAsync(startClaim, $"{startClaim}-1")); // 750,000 of 1,500,000

        await desk.Consumers.DeliverAllAsync(history.Move("Terminated", new DateOnly(2055, 10, 1), "企业撤资").From(history.Events.Count - 1));

        var claims = (await desk.ClaimsAsync(history.ProjectId)).ToDictionary(c => c.PolicyId, c => c.Status);
        Assert.Equal(ClaimStatus.Stopped, claims[start]);
        Assert.Equal(ClaimStatus.Stopped, claims[production]);
        Assert.Equal(750_000.00m, await fixture.Db.ScalarAsync<decimal>("SELECT committed_cny FROM incentive_policies WHERE id = @start", new { start }));
        Assert.Equal(750_000.00m, await fixture.Db.ScalarAsync<decimal>(
            "SELECT amount_cny FROM incentive_clawbacks WHERE claim_id = @startClaim", new { startClaim }));
        Assert.Equal(409, await desk.PayAsync(startClaim, $"{startClaim}-2"));
        var productionClaim = (await desk.ClaimsAsync(history.ProjectId)).Single(c => c.PolicyId == production).Id;
        Assert.Equal(409, await desk.ApproveAsync(productionClaim));
        Assert.Equal(409, await desk.RaiseClaimAsync(history.ProjectId, await desk.PolicyAsync(2055, Milestone.Production)));
    }
}
