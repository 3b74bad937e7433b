using Zhaoshang.Approval.Cases;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.UnitTests;

public class ApprovalRulesTests
{
    [Theory]
    [InlineData("99999999.99", GreenChannelTier.None)]
    [InlineData("100000000", GreenChannelTier.Priority)]
    [InlineData("999999999.99", GreenChannelTier.Priority)]
    [InlineData("1000000000", GreenChannelTier.MajorProject)]
    public void The_green_channel_tier_follows_the_contracted_investment(string investment, GreenChannelTier tier) =>
        Assert.Equal(tier, GreenChannel.TierFor(decimal.Parse(investment)));

    [Theory]
    [InlineData(60, GreenChannelTier.None, 60)]
    [InlineData(60, GreenChannelTier.Priority, 30)]
    [InlineData(7, GreenChannelTier.Priority, 4)]
    [InlineData(7, GreenChannelTier.MajorProject, 4)]
    [InlineData(3, GreenChannelTier.MajorProject, 2)]
    [InlineData(1, GreenChannelTier.Priority, 1)]
    public void Green_channel_halves_limits_rounding_up(int statutory, GreenChannelTier tier, int limit) =>
        Assert.Equal(limit, GreenChannel.LimitFor(statutory, tier));

    [Fact]
    public void The_case_chooses_items_by_project_type()
    {
        var filing = ApprovalCatalogue.Default.SelectFor(new ProjectApprovalProfile("Filing", "Form", true));
        Assert.Equal(
            ["filing", "land-pre-review", "eia-form", "energy-review", "design-review", "land-planning-permit", "real-estate-title",
             "engineering-planning-permit", "construction-permit"],
            filing.Select(i => i.Code));
        Assert.Equal(["filing"], filing.Single(i => i.Code == "energy-review").Prerequisites);

        var verified = ApprovalCatalogue.Default.SelectFor(new ProjectApprovalProfile("Verification", "Report", false));
        Assert.Contains(verified, i => i.Code == "verification");
        Assert.Contains(verified, i => i.Code == "eia-report" && i.StatutoryWorkingDays == 60);
        Assert.DoesNotContain(verified, i => i.Code is "filing" or "eia-form" or "energy-review");

        var exempt = ApprovalCatalogue.Default.SelectFor(new ProjectApprovalProfile("Filing", "Exempt", false));
        Assert.DoesNotContain(exempt, i => i.Code.StartsWith("eia", StringComparison.Ordinal));
        Assert.Equal(4, exempt.Count(i => i.LandDependent));
    }

    // 容缺受理 across the National Day holiday of 2026 (1–7 October off, Saturday 10 October worked).
    private static readonly WorkCalendar Calendar = new(Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)), [new DateOnly(2026, 10, 10)]);

    [Fact]
    public void An_item_accepted_with_deficiency_is_suspended_the_day_after_its_committed_date()
    {
        var committed = new DateOnly(2026, 9, 28);
        Assert.Equal(DeficiencyStep.None, DeficiencyRules.Next(ApprovalItemStatus.AcceptedWithDeficiency, committed, null, committed, Calendar));
        Assert.Equal(DeficiencyStep.Suspend,
            DeficiencyRules.Next(ApprovalItemStatus.AcceptedWithDeficiency, committed, null, committed.AddDays(1), Calendar));
    }

    [Fact]
    public void A_suspended_item_may_resume_within_fifteen_working_days_and_is_returned_after()
    {
        var suspended = new DateOnly(2026, 9, 29);
        // Working days after 29 Sept: 30 Sept; 8, 9, 10 (Saturday, worked); 12–16; 19–23; 26 October is the 15th.
        var lastDay = new DateOnly(2026, 10, 26);
        Assert.Equal(lastDay, Calendar.AddWorkingDays(suspended, DeficiencyRules.ResumeWindowWorkingDays));
        Assert.True(DeficiencyRules.CanResume(suspended, lastDay, Calendar));
        Assert.Equal(DeficiencyStep.None, DeficiencyRules.Next(ApprovalItemStatus.Suspended, null, suspended, lastDay, Calendar));
        Assert.False(DeficiencyRules.CanResume(suspended, lastDay.AddDays(1), Calendar));
        Assert.Equal(DeficiencyStep.Return, DeficiencyRules.Next(ApprovalItemStatus.Suspended, null, suspended, lastDay.AddDays(1), Calendar));
    }

    [Theory]
    [InlineData(ApprovalItemStatus.Open)]
    [InlineData(ApprovalItemStatus.Granted)]
    [InlineData(ApprovalItemStatus.Returned)]
    public void Other_items_have_no_deficiency_step(ApprovalItemStatus status) =>
        Assert.Equal(DeficiencyStep.None, DeficiencyRules.Next(status, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), Calendar));

    [Fact]
    public void Due_dates_count_working_days_across_the_holiday()
    {
        var openedOn = new DateOnly(2026, 9, 30);
        var limit = GreenChannel.LimitFor(7, GreenChannelTier.Priority);
        Assert.Equal(new DateOnly(2026, 10, 12), Calendar.AddWorkingDays(openedOn, limit));
    }

    [Theory]
    [InlineData(ApprovalItemStatus.Pending, ApprovalItemStatus.Open, true)]
    [InlineData(ApprovalItemStatus.Open, ApprovalItemStatus.Granted, true)]
    [InlineData(ApprovalItemStatus.AcceptedWithDeficiency, ApprovalItemStatus.Granted, false)]
    [InlineData(ApprovalItemStatus.Suspended, ApprovalItemStatus.Open, true)]
    [InlineData(ApprovalItemStatus.Granted, ApprovalItemStatus.Issued, true)]
    [InlineData(ApprovalItemStatus.Issued, ApprovalItemStatus.Returned, false)]
    [InlineData(ApprovalItemStatus.Rejected, ApprovalItemStatus.Open, false)]
    public void Staff_changes_to_items_follow_the_table(ApprovalItemStatus from, ApprovalItemStatus to, bool allowed) =>
        Assert.Equal(allowed, ApprovalItemTransitions.CanMove(from, to));

    [Theory]
    [InlineData(ApprovalItemStatus.Returned, true)]
    [InlineData(ApprovalItemStatus.Rejected, true)]
    [InlineData(ApprovalItemStatus.Pending, false)]
    [InlineData(ApprovalItemStatus.Open, false)]
    [InlineData(ApprovalItemStatus.Suspended, false)]
    [InlineData(ApprovalItemStatus.Granted, false)]
    [InlineData(ApprovalItemStatus.Issued, false)]
    public void Only_returned_and_rejected_items_can_be_resubmitted(ApprovalItemStatus status, bool allowed) =>
        Assert.Equal(allowed, ApprovalItemTransitions.CanResubmit(status));
}
