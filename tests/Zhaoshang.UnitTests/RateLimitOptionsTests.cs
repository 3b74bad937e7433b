using Microsoft.Extensions.Configuration;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.UnitTests;

public class RateLimitOptionsTests
{
    private static ApprovalSystemRateLimitOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(ApprovalSystemRateLimitOptions.Section).Get<ApprovalSystemRateLimitOptions>() ?? new ApprovalSystemRateLimitOptions();

    [Fact]
    public void Every_system_gets_the_defaults_unless_it_overrides_one_or_both_values()
    {
        var limits = Bind(new()
        {
            ["ApprovalSystems:RateLimit:PermitsPerSecond"] = "500",
            ["ApprovalSystems:RateLimit:Systems:yunnan-eia:Burst"] = "5",
            ["ApprovalSystems:RateLimit:Systems:bench:PermitsPerSecond"] = "5000",
            ["ApprovalSystems:RateLimit:Systems:bench:Burst"] = "10000",
        });

        Assert.Equal((500, 40), limits.For("tzxm"));
        Assert.Equal((500, 5), limits.For("yunnan-eia"));
        Assert.Equal((5000, 10000), limits.For("bench"));
        Assert.True(limits.IsValid());
        Assert.Equal((20, 40), new ApprovalSystemRateLimitOptions().For("tzxm"));
    }

    [Theory]
    [InlineData("ApprovalSystems:RateLimit:PermitsPerSecond", "0")]
    [InlineData("ApprovalSystems:RateLimit:Burst", "-1")]
    [InlineData("ApprovalSystems:RateLimit:Systems:tzxm:Burst", "0")]
    [InlineData("ApprovalSystems:RateLimit:FailedPerClient:PermitsPerSecond", "0")]
    [InlineData("ApprovalSystems:RateLimit:FailedPerClient:Burst", "0")]
    public void A_limit_below_one_is_refused(string key, string value) =>
        Assert.False(Bind(new() { [key] = value }).IsValid());
}
