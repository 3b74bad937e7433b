using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Zhaoshang.Platform.Messaging;

/// <summary>What the broker said when the service last logged in: nothing (null) when it let the service in.</summary>
internal sealed record BrokerProbeResult(string? Problem, DateTimeOffset At)
{
    public bool Answers => Problem is null;
}

/// <summary>
/// Logs in to RabbitMQ as the service does (host, vhost, user, password) and closes the connection again, so the health
/// detail tells a refused password or a missing vhost from a broker that is down. One login serves every caller for
/// <see cref="Freshness"/>: readiness probes and the watchdog do not each open connections.
/// </summary>
internal sealed class BrokerProbe(RabbitMqOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private readonly Lock _lock = new();
    private Task<BrokerProbeResult>? _latest;

    public Task<BrokerProbeResult> ProbeAsync()
    {
        lock (_lock)
        {
            if (_latest is null || (_latest.IsCompleted && clock.GetUtcNow() - _latest.Result.At > Freshness))
                _latest = LogInAsync();
            return _latest;
        }
    }

    private async Task<BrokerProbeResult> LogInAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await using var connection = await options.ConnectAsync("zhaoshang-health", Patience, timeout.Token);
            // RabbitMQ may refuse the vhost after the connection is up (530); a channel is where that shows for sure.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token);
            await connection.CloseAsync(timeout.Token);
            return new BrokerProbeResult(null, clock.GetUtcNow());
        }
        catch (Exception ex)
        {
            return new BrokerProbeResult(Describe(ex), clock.GetUtcNow());
        }
    }

    private string Describe(Exception exception)
    {
        var where = $"RabbitMQ at {options.Describe()}, vhost '{options.VirtualHost}', user '{options.Username}'";
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case AuthenticationFailureException:
                    return $"{where}: the broker refused the service's credentials ({ex.Message}).";
                case OperationInterruptedException { ShutdownReason.ReplyCode: 530 } interrupted:
                    return $"{where}: the broker does not let the user into the vhost: it is missing or the user has no permission on it ({interrupted.ShutdownReason.ReplyText}).";
                case OperationCanceledException:
                    return $"{where}: no answer within {Patience.TotalSeconds:F0} s.";
            }
        }

        return $"{where}: not reachable ({exception.GetBaseException().Message}).";
    }
}
