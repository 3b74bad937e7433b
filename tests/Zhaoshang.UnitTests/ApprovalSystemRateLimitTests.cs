using Microsoft.Extensions.Options;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.UnitTests;

/// <summary>
/// The approval systems' buckets: one per verified system, Burst at most; requests failing the signature check draw
/// from their client address's bucket, never from a system's.
/// </summary>
public sealed class ApprovalSystemRateLimitTests : IDisposable
{
    private readonly ApprovalSystemRateLimit _limit = new(Options.Create(new ApprovalSystemRateLimitOptions
    {
        Systems = { ["yunnan-eia"] = new() { Burst = 5 } },
        FailedPerClient = { Burst = 3 },
    }), new RequestBodyLimit(RequestBodyLimit.DefaultMaxBytes));

    private int Acquire(string system, int attempts) =>
        Enumerable.Range(0, attempts).Count(_ => { using var lease = _limit.ChargeSystem(system); return lease.IsAcquired; });

    private int AcquireClient(string client, int attempts) =>
        Enumerable.Range(0, attempts).Count(_ => { using var lease = _limit.ChargeClient(client); return lease.IsAcquired; });

    [Fact]
    public void Each_system_has_its_own_bucket()
    {
        Assert.Equal(40, Acquire("tzxm", 60));
        Assert.Equal(5, Acquire("yunnan-eia", 10));
        Assert.Equal(0, Acquire("tzxm", 1));
    }

    [Fact]
    public void Failed_requests_draw_from_their_client_s_bucket_and_never_from_a_system_s()
    {
        Assert.Equal(3, AcquireClient("192.0.2.7", 10));
        Assert.Equal(3, AcquireClient("192.0.2.8", 10));
        Assert.Equal(5, Acquire("yunnan-eia", 10));
    }

    // The refill rate itself is shown over HTTP (WebhookRateLimitTests): the limiter's real timers on a loaded machine
    // fire late and in bunches, so no unit test can bound it.
    [Fact]
    public async Task A_quiet_spell_does_not_add_to_the_next_burst()
    {
        Assert.Equal(1, Acquire("tzxm", 1));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // full again (timers permitting on a loaded machine), and idle
        var burst = Acquire("tzxm", 60);
        Assert.True(burst is > 20 and <= 40, $"{burst} permits after a quiet spell: refilled, but never past the burst of 40");
    }

    public void Dispose() => _limit.Dispose();
}
