using Zhaoshang.Lead.Intents;
using Zhaoshang.Lead.ServiceLevels;
using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.UnitTests;

public class ServiceLevelRulesTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    private static CooperationIntent Intent(
        IntentStatus status = IntentStatus.New, decimal investment = 100_000_000m, DateOnly? respondedOn = null,
        DateOnly? assessedOn = null, DateOnly? lastContactOn = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "云南某新能源企业", null, "新能源电池", investment, "安宁市", "安宁市", [], status, null,
            Friday, respondedOn, assessedOn, lastContactOn, null, null, DateTimeOffset.UtcNow, null, null, 1);

    [Fact]
    public void A_new_intent_is_on_time_until_the_next_working_day_ends()
    {
        Assert.Empty(ServiceLevelRules.Breaches(Intent(), new DateOnly(2026, 11, 23), WorkCalendar.WeekendsOnly));
        var late = ServiceLevelRules.Breaches(Intent(), new DateOnly(2026, 11, 24), WorkCalendar.WeekendsOnly);
        var response = Assert.Single(late);
        Assert.Equal(ServiceLevelKind.Response, response.Kind);
        Assert.Equal(new DateOnly(2026, 11, 23), response.DueOn);
        Assert.Equal(1, response.WorkingDaysLate);
        // Staff read the reason as it is (API, exports): in Chinese, with the deadline and how late.
        Assert.Equal("受理后 1 个工作日内未响应：应于 2026-11-23 前完成，已超 1 个工作日", response.Reason);
    }

    [Fact]
    public void Assessment_is_due_after_three_working_days_or_seven_from_five_yi()
    {
        var wednesdayAfter = new DateOnly(2026, 11, 26);
        var small = ServiceLevelRules.Breaches(Intent(IntentStatus.Following, respondedOn: Friday, lastContactOn: Friday), wednesdayAfter, WorkCalendar.WeekendsOnly);
        Assert.Equal(new DateOnly(2026, 11, 25), Assert.Single(small, b => b.Kind == ServiceLevelKind.Assessment).DueOn);

        var large = Intent(IntentStatus.Following, 500_000_000m, respondedOn: Friday, lastContactOn: Friday);
        Assert.Empty(ServiceLevelRules.Breaches(large, wednesdayAfter, WorkCalendar.WeekendsOnly));
        Assert.Equal(new DateOnly(2026, 12, 1), Assert.Single(ServiceLevelRules.Breaches(large, new DateOnly(2026, 12, 2), WorkCalendar.WeekendsOnly)).DueOn);
    }

    [Fact]
    public void A_qualified_intent_must_be_followed_up_within_fourteen_working_days()
    {
        var qualified = Intent(IntentStatus.Qualified, respondedOn: Friday, assessedOn: Friday, lastContactOn: Friday);
        Assert.Empty(ServiceLevelRules.Breaches(qualified, new DateOnly(2026, 12, 10), WorkCalendar.WeekendsOnly));
        var late = Assert.Single(ServiceLevelRules.Breaches(qualified, new DateOnly(2026, 12, 11), WorkCalendar.WeekendsOnly));
        Assert.Equal(ServiceLevelKind.FollowUp, late.Kind);
        Assert.Equal(new DateOnly(2026, 12, 10), late.DueOn);
    }

    [Fact]
    public void A_holiday_moves_the_deadline()
    {
        var calendar = new WorkCalendar([new DateOnly(2026, 11, 23)], []);
        Assert.Empty(ServiceLevelRules.Breaches(Intent(), new DateOnly(2026, 11, 24), calendar));
        Assert.Equal(new DateOnly(2026, 11, 24), Assert.Single(ServiceLevelRules.Breaches(Intent(), new DateOnly(2026, 11, 25), calendar)).DueOn);
    }

    [Theory]
    [InlineData(IntentStatus.Converted)]
    [InlineData(IntentStatus.Dropped)]
    public void Closed_intents_are_never_overdue(IntentStatus status) =>
        Assert.Empty(ServiceLevelRules.Breaches(Intent(status), new DateOnly(2027, 6, 1), WorkCalendar.WeekendsOnly));
}
