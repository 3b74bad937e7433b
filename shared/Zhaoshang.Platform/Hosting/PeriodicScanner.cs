using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Platform.Hosting;

/// <summary>
/// A time-driven job (deadlines, warnings): runs once at start and then at every interval on the service's clock,
/// records each finished run in <c>zhaoshang.scanner.last_run</c>, and after a failure logs it and tries again at the
/// next interval rather than stopping the service.
/// </summary>
public abstract class PeriodicScanner(string name, TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The service's clock (moved in tests), for what a run dates.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>One run of the scan.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                OperationalMetrics.ScannerRan(name, clock);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The {Scanner} scan failed; trying again at the next interval.", name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
