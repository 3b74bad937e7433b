using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zhaoshang.Platform.Messaging;

/// <summary>
/// After a broker restart MassTransit 8.4 on RabbitMQ.Client 7.1 sometimes never comes back by itself: a receive
/// endpoint stays degraded and every publish waits (MassTransit#5942, rabbitmq-dotnet-client#1930; the fault-injection
/// run caught it), and a bus stopped and started again in the same process does not reconnect either. So when the
/// broker answers again but the bus has not been healthy for <see cref="RabbitMqOptions.RecoveryTimeout"/>, the
/// service stops with exit code 1 and its supervisor (run.sh, docker-compose, Kubernetes) starts a fresh process;
/// nothing is lost, the outbox keeps what was not published and RabbitMQ what was not acknowledged. While the
/// broker itself is away the service waits: a restart could not help.
/// </summary>
internal sealed class BrokerWatchdog(
    IBusControl bus, RabbitMqOptions options, IHostApplicationLifetime lifetime, ILogger<BrokerWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTime? unhealthySince = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var health = bus.CheckHealth();
            if (health.Status == BusHealthStatus.Healthy || !await BrokerAnswersAsync(stoppingToken))
            {
                unhealthySince = null;
                continue;
            }

            unhealthySince ??= DateTime.UtcNow;
            if (DateTime.UtcNow - unhealthySince < options.RecoveryTimeout)
                continue;

            logger.LogCritical(
                "The broker answers but the bus has been {Status} since {Since:O} ({Description}); stopping with exit code 1 for the supervisor to start the service afresh.",
                health.Status, unhealthySince, health.Description);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }
    }

    private async Task<bool> BrokerAnswersAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(options.Host, options.Port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
