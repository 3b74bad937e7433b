using Zhaoshang.Funding.Incentives;
using Zhaoshang.Funding.Money;

namespace Zhaoshang.UnitTests;

public class MoneyRulesTests
{
    [Theory]
    [InlineData("1.005", "1.01")]
    [InlineData("1.004", "1.00")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("1234567.895", "1234567.90")]
    public void Amounts_round_to_the_fen_half_away_from_zero(string amount, string fen) =>
        Assert.Equal(decimal.Parse(fen), MoneyRules.ToFen(decimal.Parse(amount)));

    [Theory]
    [InlineData("1000000", "7.1", "7100000.00")]
    [InlineData("123456.78", "7.1234", "879432.03")]
    [InlineData("0.01", "7.0001", "0.07")]
    public void Foreign_amounts_convert_at_the_days_rate_to_the_fen(string usd, string rate, string cny) =>
        Assert.Equal(decimal.Parse(cny), MoneyRules.ToCny(decimal.Parse(usd), decimal.Parse(rate)));

    [Fact]
    public void Display_values_in_wan_and_yi()
    {
        Assert.Equal(43912.46m, MoneyRules.InWan(439_124_567.89m));
        Assert.Equal(4.3912m, MoneyRules.InYi(439_124_567.89m));
    }

    [Theory]
    [InlineData("1500000", "750000,600000,150000")]
    [InlineData("100.01", "50.00,40.00,10.01")]
    [InlineData("0.03", "0.01,0.01,0.01")]
    [InlineData("999999.99", "499999.99,399999.99,100000.01")]
    public void Stages_always_add_up_to_the_award(string award, string expected)
    {
        var stages = MoneyRules.SplitIntoStages(decimal.Parse(award), [0.5m, 0.4m, 0.1m]);
        Assert.Equal(expected.Split(',').Select(decimal.Parse), stages);
        Assert.Equal(decimal.Parse(award), stages.Sum());
        Assert.All(stages, s => Assert.Equal(s, decimal.Round(s, 2)));
    }

    [Fact]
    public void Stage_shares_must_add_up_to_one() =>
        Assert.Throws<ArgumentException>(() => MoneyRules.SplitIntoStages(100m, [0.5m, 0.4m]));

    [Fact]
    public void Random_awards_split_exactly()
    {
        var random = new Random(2026);
        for (var i = 0; i < 1000; i++)
        {
            var award = decimal.Round((decimal)random.NextDouble() * 10_000_000m, 2);
            Assert.Equal(award, MoneyRules.SplitIntoStages(award, [0.3m, 0.3m, 0.3m, 0.1m]).Sum());
        }
    }

    [Theory]
    [InlineData("9999999.99", "0")]
    [InlineData("10000000", "500000.00")]
    [InlineData("30000000.33", "1500000.02")]
    [InlineData("80000000", "2000000")]
    public void The_award_is_a_capped_percentage_above_the_minimum(string fixedAssets, string award) =>
        Assert.Equal(decimal.Parse(award), IncentiveRules.Award(decimal.Parse(fixedAssets), 10_000_000m, 0.05m, 2_000_000m));

    [Fact]
    public void The_budget_may_be_used_up_exactly_but_never_exceeded()
    {
        Assert.True(IncentiveRules.FitsBudget(1_000_000m, 400_000m, 600_000m));
        Assert.False(IncentiveRules.FitsBudget(1_000_000m, 400_000.01m, 600_000m));
        Assert.False(IncentiveRules.FitsBudget(1_000_000m, 1_000_000m, 0.01m));
    }

    [Fact]
    public void Clawback_applies_within_the_policys_period()
    {
        var approved = new DateOnly(2026, 3, 1);
        Assert.True(IncentiveRules.InClawbackPeriod(approved, new DateOnly(2029, 3, 1), 3));
        Assert.False(IncentiveRules.InClawbackPeriod(approved, new DateOnly(2029, 3, 2), 3));
    }
}
