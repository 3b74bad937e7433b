using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// The broker in readiness, as degraded at worst: the HTTP APIs work without it (their messages wait in the outbox), so
/// an outage must not take them out of a load balancer; the detail says what is wrong.
/// </summary>
internal sealed class BrokerHealthCheck(BrokerProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await probe.ProbeAsync().WaitAsync(cancellationToken);
        return result.Answers
            ? HealthCheckResult.Healthy("The broker accepts the service's login.")
            : HealthCheckResult.Degraded(
                $"{result.Problem} Messages wait in the outbox and go out when the broker is back.",
                data: new Dictionary<string, object> { ["probedAt"] = result.At });
    }
}
