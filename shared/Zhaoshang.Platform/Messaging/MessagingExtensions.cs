using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Zhaoshang.Platform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (durable queues, persistent messages, publisher confirms — MassTransit's
    /// defaults, stated here so they stay), queue names prefixed with the service, plus the outbox relay.
    /// Retry and concurrency are set per endpoint in each consumer's definition; a message that exhausts its
    /// retries moves to the endpoint's <c>_error</c> queue.
    /// </summary>
    public static IServiceCollection AddZhaoshangMessaging(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<IBusRegistrationConfigurator> addConsumers)
    {
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        var rabbit = configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            // Nothing leaves this network but the broker's own traffic.
            x.DisableUsageTelemetry();
            x.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "broker";
                o.Tags.Add("ready");
            });
            addConsumers(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                    h.PublisherConfirmation = true;
                });
                cfg.Durable = true;
                cfg.ConfigureEndpoints(context);
            });
        });
        // On shutdown the receive endpoints stop taking messages and in-flight consumers get 4 s to finish; then their
        // cancellation token fires, their transactions roll back and RabbitMQ gets the messages back to redeliver.
        // Both stay inside the host's 8 s ShutdownTimeout.
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(4);
            o.StopTimeout = TimeSpan.FromSeconds(6);
        });
        // Registered after the bus, so it stops before the bus: its last batch can still be published and marked sent.
        services.AddHostedService<OutboxRelay>();
        services.AddSingleton(rabbit);
        services.AddHostedService<BrokerWatchdog>();
        return services;
    }
}
