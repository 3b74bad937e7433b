using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.Platform.Security;

/// <summary>
/// <c>ApprovalSystems:RateLimit</c>: a token bucket per approval system that refills by <see cref="PermitsPerSecond"/>
/// each second and holds at most <see cref="Burst"/>; <see cref="Systems"/> overrides either value for one system.
/// Requests that fail the signature check draw from a bucket per client address instead (<see cref="FailedPerClient"/>).
/// </summary>
public sealed class ApprovalSystemRateLimitOptions
{
    public const string Section = "ApprovalSystems:RateLimit";

    public int PermitsPerSecond { get; set; } = 20;
    public int Burst { get; set; } = 40;
    public Dictionary<string, SystemRateLimit> Systems { get; set; } = new(StringComparer.Ordinal);
    public ClientRateLimit FailedPerClient { get; set; } = new();

    public (int PermitsPerSecond, int Burst) For(string system) =>
        Systems.TryGetValue(system, out var own)
            ? (own.PermitsPerSecond ?? PermitsPerSecond, own.Burst ?? Burst)
            : (PermitsPerSecond, Burst);

    internal bool IsValid() =>
        PermitsPerSecond > 0 && Burst > 0 && Systems.Keys.All(s => For(s) is { PermitsPerSecond: > 0, Burst: > 0 })
        && FailedPerClient is { PermitsPerSecond: > 0, Burst: > 0 };

    public sealed class SystemRateLimit
    {
        public int? PermitsPerSecond { get; set; }
        public int? Burst { get; set; }
    }

    /// <summary>Unsigned, badly signed or stale requests from one address: enough for a system's occasional mistake.</summary>
    public sealed class ClientRateLimit
    {
        public int PermitsPerSecond { get; set; } = 10;
        public int Burst { get; set; } = 20;
    }
}

/// <summary>Endpoint metadata: the endpoint is an approval system's, limited by <see cref="ApprovalSystemRateLimit"/>.</summary>
public sealed record ApprovalSystemRateLimited;

/// <summary>
/// The buckets of the approval systems' signed endpoints. A request is charged to its system only once its signature
/// verified, so nobody without the secret can empty a real system's bucket; a request that fails the check is charged
/// to its client address instead. A validly signed request is never refused for its address's failures, so a flood of
/// forgeries from an address a real system shares (a proxy, say) does not lock the system out. Refused requests write
/// nothing: the nonce is recorded with the request's change, not before.
/// </summary>
internal sealed class ApprovalSystemRateLimit : IDisposable
{
    private readonly ApprovalSystemRateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _systems;
    private readonly PartitionedRateLimiter<string> _clients;
    private readonly RequestBodyLimit _bodyLimit;

    public ApprovalSystemRateLimit(IOptions<ApprovalSystemRateLimitOptions> options, RequestBodyLimit bodyLimit)
    {
        _options = options.Value;
        _bodyLimit = bodyLimit;
        _systems = PartitionedRateLimiter.Create<string, string>(system => RateLimitPartition.Get(system, s => Bucket(_options.For(s))));
        // A client's bucket is dropped once it has been full and idle for a while, so addresses do not pile up.
        _clients = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.Get(client, _ =>
            Bucket((_options.FailedPerClient.PermitsPerSecond, _options.FailedPerClient.Burst))));
    }

    // Each bucket refills on its own timer. GetTokenBucketLimiter would hand the refills to the partitioned limiter's
    // shared heartbeat, which adds tokens for all the time since the last refill, a time it does not advance while the
    // bucket is full: after a quiet spell a burst could then take nearly twice Burst.
    private static TokenBucketRateLimiter Bucket((int PermitsPerSecond, int Burst) limit) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = limit.Burst,
        TokensPerPeriod = limit.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        AutoReplenishment = true,
        QueueLimit = 0,
    });

    /// <summary>Takes a permit from the verified system's bucket.</summary>
    public RateLimitLease ChargeSystem(string system) => _systems.AttemptAcquire(system);

    /// <summary>Takes a permit from the client's bucket for requests that failed the signature check.</summary>
    public RateLimitLease ChargeClient(string client) => _clients.AttemptAcquire(client);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var result = await context.AuthenticateAsync(SignedRequestOptions.Scheme);
        if (result.Succeeded && result.Principal.Identity?.Name is { } system)
        {
            using var lease = ChargeSystem(system);
            if (lease.IsAcquired)
                await next(context);
            else
                await RefuseSystemAsync(context, system, lease);
            return;
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "";
        using (var lease = ChargeClient(client))
        {
            if (!lease.IsAcquired)
            {
                await RefuseClientAsync(context, client, lease);
                return;
            }
        }

        // Authorization answers 401 for a failed signature; a body over the limit gets its 413 here.
        if (result.Failure is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            await RequestBodyLimitExtensions.RefuseAsync(context, _bodyLimit);
        else
            await next(context);
    }

    private Task RefuseSystemAsync(HttpContext http, string system, RateLimitLease lease)
    {
        var (permitsPerSecond, burst) = _options.For(system);
        return RefuseAsync(http, lease, "Too many requests from this approval system.",
            $"Approval system '{system}' is limited to {permitsPerSecond} request(s) per second, in bursts of up to {burst}",
            "system", system);
    }

    private Task RefuseClientAsync(HttpContext http, string client, RateLimitLease lease) =>
        RefuseAsync(http, lease, "Too many refused requests from this address.",
            $"Requests that fail the approval systems' signature check are limited to {_options.FailedPerClient.PermitsPerSecond} "
            + $"per second per client address, in bursts of up to {_options.FailedPerClient.Burst}", "client", client);

    private static async Task RefuseAsync(HttpContext http, RateLimitLease lease, string title, string limit, string who, string name)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = title,
                Detail = $"{limit}; retry after {seconds} s. Nothing of this request was processed.",
                Extensions = { [who] = name, ["retryAfterSeconds"] = seconds },
            },
        });
    }

    public void Dispose()
    {
        _systems.Dispose();
        _clients.Dispose();
    }
}

internal static class ApprovalSystemRateLimitExtensions
{
    /// <summary>
    /// After authentication, before authorization: checks the signature of requests to the approval systems' endpoints
    /// (the authorization that follows reuses the result) and charges the right bucket.
    /// </summary>
    public static void UseApprovalSystemRateLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<ApprovalSystemRateLimit>();
        app.Use((context, next) => context.GetEndpoint()?.Metadata.GetMetadata<ApprovalSystemRateLimited>() is null
            ? next(context)
            : limit.InvokeAsync(context, next));
    }
}
