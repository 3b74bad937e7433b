using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.UnitTests;

/// <summary>The approval systems' buckets: one per configured system, one shared by every unknown name, Burst at most.</summary>
public sealed class RateLimitPolicyTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public RateLimitPolicyTests()
    {
        var services = new ServiceCollection();
        services.AddProblemDetails();
        services.Configure<SignedRequestOptions>(SignedRequestOptions.Scheme, o =>
        {
            o.Secrets["tzxm"] = "secret-1";
            o.Secrets["yunnan-eia"] = "secret-2";
        });
        services.Configure<ApprovalSystemRateLimitOptions>(o => o.Systems["yunnan-eia"] = new() { Burst = 5 });
        _services = services.BuildServiceProvider();
        var policy = ActivatorUtilities.CreateInstance<ApprovalSystemRateLimitPolicy>(_services);
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(policy.GetPartition);
    }

    private static HttpContext From(string system) => new DefaultHttpContext { Request = { RouteValues = { ["system"] = system } } };

    private int Acquire(string system, int attempts) =>
        Enumerable.Range(0, attempts).Count(_ => _limiter.AttemptAcquire(From(system)).IsAcquired);

    [Fact]
    public void Each_configured_system_has_its_own_bucket()
    {
        Assert.Equal(40, Acquire("tzxm", 60));
        Assert.Equal(5, Acquire("yunnan-eia", 10));
        Assert.Equal(0, Acquire("tzxm", 1));
    }

    [Fact]
    public void Unknown_names_share_one_bucket_apart_from_the_configured_systems()
    {
        Assert.Equal(40, Enumerable.Range(0, 60).Count(n => _limiter.AttemptAcquire(From($"invented-{n}")).IsAcquired));
        Assert.Equal(40, Acquire("tzxm", 40));
    }

    [Fact]
    public async Task A_quiet_spell_does_not_add_to_the_next_burst()
    {
        Assert.Equal(1, Acquire("tzxm", 1));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // full again, and idle
        Assert.Equal(40, Acquire("tzxm", 40));
        await Task.Delay(TimeSpan.FromMilliseconds(250)); // a partitioned limiter replenishes every 100 ms
        var extra = Acquire("tzxm", 40);
        Assert.True(extra <= 20, $"{extra} permits right after a burst of 40: at most one refill of 20 fits in 250 ms");
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _services.Dispose();
    }
}
