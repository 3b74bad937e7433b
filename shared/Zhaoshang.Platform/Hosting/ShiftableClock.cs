using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Zhaoshang.Platform.Hosting;

/// <summary>
/// The system clock moved by an offset, so that tests and demonstrations can watch a deadline turn yellow, then red,
/// in the running services without waiting for the days to pass. Only with <c>Clock:Shiftable</c> true (never in a
/// deployment) and only from loopback; timers still tick in real time, only "now" moves.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    public const string SettingKey = "Clock:Shiftable";
    public const string Path = "/testing/clock";

    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public void MoveTo(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(SettingKey);

    /// <summary><c>PUT /testing/clock {"now": …}</c> moves the clock; <c>DELETE</c> puts it back.</summary>
    public static void MapShiftableClock(IEndpointRouteBuilder app, ShiftableClock clock)
    {
        var group = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
                    ? await next(context)
                    : TypedResults.NotFound());
        group.MapPut("", (ClockMove move) =>
        {
            clock.MoveTo(move.Now);
            return TypedResults.Ok(new ClockState(clock.GetUtcNow(), clock.Offset));
        });
        group.MapDelete("", () =>
        {
            clock.Reset();
            return TypedResults.Ok(new ClockState(clock.GetUtcNow(), clock.Offset));
        });
    }
}

public sealed record ClockMove(DateTimeOffset Now);

public sealed record ClockState(DateTimeOffset Now, TimeSpan Offset);
