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
        services.AddHostedService<OutboxRelay>();
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
        return services;
    }
}
