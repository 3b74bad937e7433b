using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// After a broker restart MassTransit on RabbitMQ.Client sometimes never comes back by itself: a receive endpoint stays
/// degraded and every publish waits (MassTransit#5942, rabbitmq-dotnet-client#1930; the fault-injection run caught it
/// on 8.4/7.1), and a bus stopped and started again in the same process does not reconnect either. So every 5 s the
/// watchdog compares the bus's health with a login to the broker (<see cref="BrokerProbe"/>); once the bus counts as
/// stuck (<see cref="BusStuckRule"/>, after <see cref="RabbitMqOptions.RecoveryTimeout"/>) liveness fails
/// (<see cref="BusStuckHealthCheck"/>) for the orchestrator to restart the service, and with
/// <see cref="RabbitMqOptions.ExitWhenStuck"/> the service also stops itself with exit code 1, for a supervisor that
/// does not probe (run.sh). Nothing is lost either way: the outbox keeps what was not published and RabbitMQ what was
/// not acknowledged.
/// </summary>
internal sealed class BrokerWatchdog(
    IBusControl bus, BrokerProbe probe, RabbitMqOptions options, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<BrokerWatchdog> logger) : BackgroundService
{
    private readonly BusStuckRule _rule = new(options.RecoveryTimeout);
    private bool _reported;

    public DateTimeOffset? StuckSince => _rule.StuckSince(clock.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var health = bus.CheckHealth();
            var healthy = health.Status == BusHealthStatus.Healthy;
            _rule.Observe(healthy, healthy || (await probe.ProbeAsync()).Answers, clock.GetUtcNow());
            if (StuckSince is not { } since)
            {
                _reported = false;
                continue;
            }

            if (_reported)
                continue;
            _reported = true;
            logger.LogCritical(
                "The broker answers but the bus has been {Status} since {Since:O} ({Description}); liveness fails so that the service is restarted.",
                health.Status, since, health.Description);
            if (!options.ExitWhenStuck)
                continue;
            logger.LogCritical("RabbitMq:ExitWhenStuck is set: stopping with exit code 1 for the supervisor to start the service afresh.");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }
    }
}
