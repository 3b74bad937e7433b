using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.UnitTests;

/// <summary>When liveness fails: only a bus that stays unhealthy while the broker lets the service in.</summary>
public class BusStuckRuleTests
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_bus_unhealthy_with_the_broker_answering_is_stuck_once_the_recovery_timeout_has_passed()
    {
        var rule = new BusStuckRule(RecoveryTimeout);
        rule.Observe(busHealthy: false, brokerAnswers: true, Start);
        rule.Observe(busHealthy: false, brokerAnswers: true, Start.AddSeconds(30));

        Assert.Null(rule.StuckSince(Start.AddSeconds(59)));
        Assert.Equal(Start, rule.StuckSince(Start.AddSeconds(60)));
    }

    [Fact]
    public void A_broker_that_is_away_is_no_reason_to_restart_and_starts_the_count_again()
    {
        var rule = new BusStuckRule(RecoveryTimeout);
        rule.Observe(busHealthy: false, brokerAnswers: true, Start);
        rule.Observe(busHealthy: false, brokerAnswers: false, Start.AddSeconds(30));
        Assert.Null(rule.StuckSince(Start.AddMinutes(5)));

        rule.Observe(busHealthy: false, brokerAnswers: true, Start.AddSeconds(40));
        Assert.Null(rule.StuckSince(Start.AddSeconds(99)));
        Assert.Equal(Start.AddSeconds(40), rule.StuckSince(Start.AddSeconds(100)));
    }

    [Fact]
    public void A_bus_that_recovers_is_no_longer_stuck()
    {
        var rule = new BusStuckRule(RecoveryTimeout);
        rule.Observe(busHealthy: false, brokerAnswers: true, Start);
        Assert.NotNull(rule.StuckSince(Start.AddMinutes(2)));

        rule.Observe(busHealthy: true, brokerAnswers: true, Start.AddMinutes(2));
        Assert.Null(rule.StuckSince(Start.AddMinutes(3)));
    }
}
