using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Zhaoshang.Platform.Security;

/// <summary>
/// <c>ApprovalSystems:RateLimit</c>: a token bucket per approval system that refills by <see cref="PermitsPerSecond"/>
/// each second and holds at most <see cref="Burst"/>; <see cref="Systems"/> overrides either value for one system.
/// </summary>
public sealed class ApprovalSystemRateLimitOptions
{
    public const string Section = "ApprovalSystems:RateLimit";

    public int PermitsPerSecond { get; set; } = 20;
    public int Burst { get; set; } = 40;
    public Dictionary<string, SystemRateLimit> Systems { get; set; } = new(StringComparer.Ordinal);

    public (int PermitsPerSecond, int Burst) For(string system) =>
        Systems.TryGetValue(system, out var own)
            ? (own.PermitsPerSecond ?? PermitsPerSecond, own.Burst ?? Burst)
            : (PermitsPerSecond, Burst);

    internal bool IsValid() =>
        PermitsPerSecond > 0 && Burst > 0 && Systems.Keys.All(s => For(s) is { PermitsPerSecond: > 0, Burst: > 0 });

    public sealed class SystemRateLimit
    {
        public int? PermitsPerSecond { get; set; }
        public int? Burst { get; set; }
    }
}

/// <summary>
/// Limits the approval systems' signed endpoints per system, before the signature is checked, so a refused request
/// neither costs a database round trip nor uses up its nonce. The bucket is chosen by the system named in the route:
/// a flood under one system's name cannot starve another. Names with no configured secret (refused anyway) share one
/// bucket, so invented names neither create buckets without bound nor take from a real system's.
/// </summary>
internal sealed class ApprovalSystemRateLimitPolicy(
    IOptions<ApprovalSystemRateLimitOptions> limits, IOptionsMonitor<SignedRequestOptions> signed, IProblemDetailsService problems)
    : IRateLimiterPolicy<string>
{
    public const string Name = "approval-systems";
    private const string UnknownSystems = "";

    // Each bucket refills on its own timer. GetTokenBucketLimiter would hand the refills to the partitioned limiter's
    // shared heartbeat, which adds tokens for all the time since the last refill, a time it does not advance while the
    // bucket is full: after a quiet spell a burst could then take nearly twice Burst.
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(BucketOf(httpContext), key =>
        {
            var (permitsPerSecond, burst) = limits.Value.For(key);
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = permitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = true,
                QueueLimit = 0,
            });
        });

    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected => RejectAsync;

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var system = SystemOf(http);
        var (permitsPerSecond, burst) = limits.Value.For(BucketOf(http));
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests from this approval system.",
                Detail = $"Approval system '{system}' is limited to {permitsPerSecond} request(s) per second, in bursts of up to {burst}; "
                    + $"retry after {seconds} s. Nothing of this request was processed.",
                Extensions = { ["system"] = system, ["retryAfterSeconds"] = seconds },
            },
        });
    }

    private string BucketOf(HttpContext httpContext)
    {
        var system = SystemOf(httpContext);
        return signed.Get(SignedRequestOptions.Scheme).Secrets.ContainsKey(system) ? system : UnknownSystems;
    }

    private static string SystemOf(HttpContext httpContext) => httpContext.GetRouteValue("system") as string ?? "";
}
