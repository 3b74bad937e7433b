using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Zhaoshang.Platform.Observability;

/// <summary>A gauge that reads the service's state (projects per state, overdue items), sampled every <see cref="TelemetryOptions.SampleInterval"/>.</summary>
public interface IGaugeSample
{
    Task SampleAsync(CancellationToken cancellationToken);
}

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>How often the sampled gauges (outbox, error queues, the duty officer's counts) are read.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Reads every sampled gauge in the background, so that a metrics collection never waits on PostgreSQL or the broker;
/// a sample that fails keeps the gauge's last value and is tried again at the next interval. The samples run side by
/// side: a broker that does not answer must not hold up the outbox's gauges, which matter most just then.
/// </summary>
internal sealed class GaugeSampler(IEnumerable<IGaugeSample> samples, IOptions<TelemetryOptions> options, ILogger<GaugeSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval);
        do
        {
            await Task.WhenAll(samples.Select(sample => SampleAsync(sample, stoppingToken)));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(IGaugeSample sample, CancellationToken stoppingToken)
    {
        try
        {
            await sample.SampleAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Sampling {Gauge} failed; trying again at the next interval.", sample.GetType().Name);
        }
    }
}
