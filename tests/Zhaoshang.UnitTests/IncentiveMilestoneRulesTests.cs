using Zhaoshang.Funding.Incentives;

namespace Zhaoshang.UnitTests;

public class IncentiveMilestoneRulesTests
{
    [Theory]
    [InlineData("LandAcquired", "UnderConstruction", Milestone.ConstructionStart)]
    [InlineData("UnderConstruction", "InProduction", Milestone.Production)]
    [InlineData("Stalled", "UnderConstruction", null)] // 恢复: the project had started before
    [InlineData("UnderConstruction", "Stalled", null)]
    [InlineData("Registered", "LandAcquired", null)]
    [InlineData("UnderConstruction", "Terminated", null)]
    public void Only_the_first_move_into_construction_or_production_is_a_milestone(string from, string to, Milestone? milestone) =>
        Assert.Equal(milestone, IncentiveRules.MilestoneOf(from, to));

    private static readonly DateOnly ApprovedOn = new(2026, 3, 1);

    [Fact]
    public void A_raised_claim_stops_and_releases_nothing_it_never_committed() =>
        Assert.Equal(new TerminationEffect(true, 0m, 0m),
            IncentiveRules.OnTermination(ClaimStatus.Raised, 1_000_000m, 0m, null, new DateOnly(2026, 6, 1), 3));

    [Fact]
    public void An_approved_unpaid_claim_stops_and_gives_its_whole_award_back() =>
        Assert.Equal(new TerminationEffect(true, 1_000_000m, 0m),
            IncentiveRules.OnTermination(ClaimStatus.Approved, 1_000_000m, 0m, ApprovedOn, new DateOnly(2026, 6, 1), 3));

    [Fact]
    public void A_part_paid_claim_stops_releases_the_rest_and_claws_back_what_was_paid_in_the_period() =>
        Assert.Equal(new TerminationEffect(true, 500_000.01m, 499_999.99m),
            IncentiveRules.OnTermination(ClaimStatus.Approved, 1_000_000m, 499_999.99m, ApprovedOn, new DateOnly(2029, 3, 1), 3));

    [Fact]
    public void After_the_period_what_was_paid_stays_paid_but_nothing_more_is() =>
        Assert.Equal(new TerminationEffect(true, 500_000m, 0m),
            IncentiveRules.OnTermination(ClaimStatus.Approved, 1_000_000m, 500_000m, ApprovedOn, new DateOnly(2029, 3, 2), 3));

    [Fact]
    public void A_fully_paid_claim_is_not_stopped_but_clawed_back_in_the_period() =>
        Assert.Equal(new TerminationEffect(false, 0m, 1_000_000m),
            IncentiveRules.OnTermination(ClaimStatus.Approved, 1_000_000m, 1_000_000m, ApprovedOn, new DateOnly(2027, 1, 1), 3));

    [Theory]
    [InlineData(ClaimStatus.Rejected)]
    [InlineData(ClaimStatus.Stopped)]
    public void A_rejected_or_stopped_claim_is_left_alone(ClaimStatus status) =>
        Assert.Equal(new TerminationEffect(false, 0m, 0m),
            IncentiveRules.OnTermination(status, 1_000_000m, 0m, ApprovedOn, new DateOnly(2027, 1, 1), 3));
}
