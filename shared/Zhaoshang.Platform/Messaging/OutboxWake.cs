namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Wakes this instance's outbox relay: a unit of work that wrote outbox rows raises it once it has committed, and so does
/// a notification on <see cref="OutboxRelay.Channel"/> from outside. The commit raises it in this process instead of by
/// <c>pg_notify</c> because a notifying commit takes PostgreSQL's one notify lock for the whole cluster (up to 17) and
/// holds it until its commit record is on disk: every publishing commit of every service would wait for the others'
/// disk flushes in turn: 20 connections committing one row each commit 0.41–0.48 as many times a second with a
/// notification as without (the benchmark's <c>[ceiling]</c> lines). Only while no relay waits here (none in this instance,
/// <c>Outbox:RelayEnabled=false</c>, or a tool without one) does the transaction notify through PostgreSQL, so that
/// another instance's relay wakes.
/// </summary>
public sealed class OutboxWake
{
    private readonly SemaphoreSlim _signal = new(0);
    private int _raised;
    private volatile bool _relayWaiting;

    /// <summary>False while this instance's relay waits here: its commits then need no notification from PostgreSQL.</summary>
    internal bool NotifyThroughDatabase => !_relayWaiting;

    internal void RelayStarted() => _relayWaiting = true;

    internal void RelayStopped() => _relayWaiting = false;

    /// <summary>
    /// However many commits raise it while the relay is busy, they cost one more batch: the flag is raised once until
    /// the relay takes it down, so the count of the signal stays small.
    /// </summary>
    internal void Raise()
    {
        if (Interlocked.Exchange(ref _raised, 1) == 0)
            _signal.Release();
    }

    /// <summary>
    /// Waits for a raise or the timeout, then takes the flag down before the relay reads: a commit that raises in between
    /// committed before that read, so the read sees its rows.
    /// </summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _signal.WaitAsync(timeout, cancellationToken);
        Interlocked.Exchange(ref _raised, 0);
    }
}
