namespace Zhaoshang.OrderingTests.Infrastructure;

/// <summary>A clock that stands still unless a test moves it, so the in-order run and every permutation see the same time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
