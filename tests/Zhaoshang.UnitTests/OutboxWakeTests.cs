using Zhaoshang.Platform.Messaging;

namespace Zhaoshang.UnitTests;

public class OutboxWakeTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    [Fact]
    public void Commits_notify_through_PostgreSQL_only_while_no_relay_of_this_instance_waits()
    {
        var wake = new OutboxWake();
        Assert.True(wake.NotifyThroughDatabase);
        wake.RelayStarted();
        Assert.False(wake.NotifyThroughDatabase);
        wake.RelayStopped();
        Assert.True(wake.NotifyThroughDatabase);
    }

    [Fact]
    public async Task A_raise_before_the_relay_waits_is_kept_and_many_raises_cost_one_batch()
    {
        var wake = new OutboxWake();
        foreach (var _ in Enumerable.Range(0, 1000))
            wake.Raise();

        await wake.WaitAsync(Long, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var second = wake.WaitAsync(Long, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted); // the thousand raises before the first wait woke it once

        wake.Raise();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_raise_after_the_relay_woke_wakes_it_again()
    {
        var wake = new OutboxWake();
        wake.Raise();
        await wake.WaitAsync(Long, CancellationToken.None);
        // A commit after the flag came down belongs to a later read, so it must wake the relay once more.
        wake.Raise();
        await wake.WaitAsync(Long, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_relay_racing_many_committers_always_reads_after_the_last_commit()
    {
        const int commits = 20_000;
        var wake = new OutboxWake();
        var committed = 0;
        var committers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (Interlocked.Increment(ref committed) <= commits)
                wake.Raise();
        })).ToArray();

        // The relay reads what is committed after each wake; a lost wake would leave it waiting with commits unread.
        var read = 0;
        while (read < commits)
        {
            await wake.WaitAsync(Long, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            read = Math.Min(Volatile.Read(ref committed), commits);
        }

        await Task.WhenAll(committers);
    }
}
