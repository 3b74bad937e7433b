using System.Diagnostics;

namespace Zhaoshang.Load;

/// <summary>
/// N projects through <see cref="ProjectFlow"/>: closed-loop with at most <c>concurrency</c> projects in flight,
/// or, with a rate, open-loop (a new project starts every 1/rate seconds whatever the system does).
/// </summary>
public static class FlowRun
{
    public static async Task<(IReadOnlyList<ProjectRecord> Records, TimeSpan Wall)> RunAsync(
        ProjectFlow flow, int count, int concurrency, CancellationToken cancellationToken = default)
    {
        var records = Enumerable.Range(1, count).Select(n => new ProjectRecord(n)).ToArray();
        return (records, await RunAsync(flow, records, concurrency, null, cancellationToken));
    }

    /// <summary>Drives the given records (whose ids fill in as they go, for whoever watches them); returns the wall time.</summary>
    public static async Task<TimeSpan> RunAsync(
        ProjectFlow flow, IReadOnlyList<ProjectRecord> records, int concurrency, double? projectsPerSecond,
        CancellationToken cancellationToken = default)
    {
        var count = records.Count;
        using var gate = new SemaphoreSlim(concurrency);
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (projectsPerSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                    await Task.Delay(due, cancellationToken);
            }

            await gate.WaitAsync(cancellationToken);
            var record = records[i];
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await flow.RunAsync(record);
                }
                finally
                {
                    gate.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(running);
        return clock.Elapsed;
    }
}
