using System.Diagnostics;
using System.Net;
using Zhaoshang.Load;

namespace Zhaoshang.Benchmark;

/// <summary>
/// A fixed background read load during the run: GET /api/projects/{id} at a steady rate on projects already
/// created, timing each answer — what a member of staff opening a project feels while the flow runs.
/// </summary>
internal sealed class ReadProbe(FlowClient client, IReadOnlyList<ProjectRecord> records, int requestsPerSecond)
{
    private readonly List<TimeSpan> _latencies = [];
    private int _failures;

    public IReadOnlyList<TimeSpan> Latencies => _latencies;
    public int Failures => _failures;

    public async Task RunAsync(CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1.0 / requestsPerSecond);
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var due = interval * i - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            var created = records.Where(r => r.Opened).Take(1000).ToArray();
            if (created.Length == 0 || stop.IsCancellationRequested)
                continue;
            inFlight.Add(ProbeAsync(created[Random.Shared.Next(created.Length)].ProjectId));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task ProbeAsync(Guid projectId)
    {
        var started = Stopwatch.GetTimestamp();
        bool answered;
        try
        {
            answered = (await client.AsBureauAsync(client.Target.Project, HttpMethod.Get, $"/api/projects/{projectId}")).Is(HttpStatusCode.OK);
        }
        catch (TimeoutException)
        {
            // Still failing after the client's retries: counted as a failed read, the run goes on.
            answered = false;
        }

        var took = Stopwatch.GetElapsedTime(started);
        lock (_latencies)
        {
            if (answered)
                _latencies.Add(took);
            else
                _failures++;
        }
    }
}
