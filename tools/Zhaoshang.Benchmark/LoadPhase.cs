using Zhaoshang.Load;

namespace Zhaoshang.Benchmark;

/// <summary>What one load phase measured.</summary>
internal sealed record PhaseResult(
    string Name, IReadOnlyList<ProjectRecord> Records, TimeSpan Wall, long Consumed, long Transactions, int PeakConnections,
    IReadOnlyList<TimeSpan> ReadLatencies, int ReadFailures, IReadOnlyList<(string Group, double Seconds)> Cpu)
{
    public double ProjectsPerSecond => Records.Count / Wall.TotalSeconds;
    public double ConsumedPerSecond => Consumed / Wall.TotalSeconds;
    public double TransactionsPerSecond => Transactions / Wall.TotalSeconds;
}

/// <summary>Runs the flow for a set of projects while counting messages, transactions, connections, CPU and reads.</summary>
internal sealed class LoadPhase(ProjectFlow flow, FlowClient client, DatabaseCounters counters, Func<int, string, string> cpuGroup)
{
    /// <summary>Runs a phase; with <paramref name="probeProjects"/>, reads them at <paramref name="probeRate"/> beside it (<see cref="ReadProbe"/>).</summary>
    public async Task<PhaseResult> RunAsync(
        string name, int projects, int concurrency, double? projectsPerSecond, IReadOnlyList<Guid> probeProjects, int probeRate, int firstNumber)
    {
        var transactionsBefore = await counters.CommittedTransactionsAsync();
        var cpuBefore = CpuAccounting.Snapshot();
        var started = DateTimeOffset.UtcNow;
        using var stop = new CancellationTokenSource();
        var peakConnections = 0;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakConnections = Math.Max(peakConnections, await counters.ConnectionsAsync());
                await Task.Delay(500, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });

        var records = Enumerable.Range(firstNumber, projects).Select(n => new ProjectRecord(n)).ToArray();
        var probe = probeProjects.Count > 0 ? ReadProbe.Start(client.Target.Project, client.Target.BureauToken, probeProjects, probeRate) : null;
        var wall = await FlowRun.RunAsync(flow, records, concurrency, projectsPerSecond);
        var (reads, readFailures) = probe is null ? ([], 0) : await probe.StopAsync();
        await stop.CancelAsync();
        await sampler;

        var ended = DateTimeOffset.UtcNow;
        var cpu = CpuAccounting.Between(cpuBefore, CpuAccounting.Snapshot(), cpuGroup);
        return new PhaseResult(name, records, wall, await counters.Services.ConsumedAsync(started, ended),
            await counters.CommittedTransactionsAsync() - transactionsBefore, peakConnections, reads, readFailures, cpu);
    }
}
