using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Zhaoshang.Platform.Observability;

/// <summary>
/// Registered before the bus and the relay, so stopped after them: what they did while stopping is exported within the
/// host's shutdown time. The flush is bounded, and no longer waited for once that time is spent: losing the last spans
/// beats being killed. (The providers flush again when disposed, with little left to send.)
/// </summary>
internal sealed class TelemetryFlush(TracerProvider tracing, MeterProvider metrics, LoggerProvider logging) : IHostedService
{
    private const int FlushMilliseconds = 1500;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Side by side, so the three together take no longer than one.
        var flush = Task.WhenAll(
            Task.Run(() => metrics.ForceFlush(FlushMilliseconds), CancellationToken.None),
            Task.Run(() => tracing.ForceFlush(FlushMilliseconds), CancellationToken.None),
            Task.Run(() => logging.ForceFlush(FlushMilliseconds), CancellationToken.None));
        await Task.WhenAny(flush, Task.Delay(Timeout.Infinite, cancellationToken));
    }
}
