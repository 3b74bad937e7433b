using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// Liveness: unhealthy once the bus has stayed unhealthy for <see cref="RabbitMqOptions.RecoveryTimeout"/> while the
/// broker lets the service in (<see cref="BrokerWatchdog"/>), which only a new process mends; the orchestrator
/// restarts it. A broker that is down is no reason: a new process could not reach it either.
/// </summary>
internal sealed class BusStuckHealthCheck(BrokerWatchdog watchdog, RabbitMqOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(watchdog.StuckSince is { } since
            ? HealthCheckResult.Unhealthy(
                $"The broker answers but the bus has been unhealthy since {since:O} (longer than RabbitMq:RecoveryTimeout, {options.RecoveryTimeout}): restart the service.")
            : HealthCheckResult.Healthy());
}
