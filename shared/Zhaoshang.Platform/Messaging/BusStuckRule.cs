namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// When the bus counts as stuck: unhealthy, with the broker letting the service in, without a break for the whole
/// recovery timeout. A healthy bus or a broker that is away starts the count again: only a bus that cannot recover
/// while it could is a reason to restart the process.
/// </summary>
internal sealed class BusStuckRule(TimeSpan recoveryTimeout)
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _unhealthySince;

    public void Observe(bool busHealthy, bool brokerAnswers, DateTimeOffset now)
    {
        lock (_lock)
            _unhealthySince = busHealthy || !brokerAnswers ? null : _unhealthySince ?? now;
    }

    /// <summary>Since when the bus has been unhealthy with the broker answering, once that has lasted the recovery timeout.</summary>
    public DateTimeOffset? StuckSince(DateTimeOffset now)
    {
        lock (_lock)
            return _unhealthySince is { } since && now - since >= recoveryTimeout ? since : null;
    }
}
