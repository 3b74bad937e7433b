using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zhaoshang.Platform.Observability;

namespace Zhaoshang.Platform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (durable quorum queues, persistent messages, publisher confirms — MassTransit's
    /// defaults, stated here so they stay), queue names prefixed with the service, plus the outbox relay and the storage
    /// purge. The service's broker user may touch only its own queues and what it publishes (<see cref="BrokerTopology"/>):
    /// the contracts' exchanges and their bindings to its queues come from provisioning, so endpoints do not bind them.
    /// Retry and concurrency are set per endpoint in each consumer's definition; a message that exhausts its retries moves
    /// to the endpoint's <c>_error</c> queue.
    /// </summary>
    public static IServiceCollection AddZhaoshangMessaging(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<IBusRegistrationConfigurator> addConsumers)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Outbox"))
            .Validate(o => o.MaxAttempts >= 1, "Outbox:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<PurgeOptions>().Bind(configuration.GetSection(PurgeOptions.Section))
            .Validate(o => o.IsValid(),
                "Purge: Interval must be positive, BatchSize at least 1, InboxRetention at least a day and WebhookNonceRetention at least 10 minutes.")
            .ValidateOnStart();
        // The approval systems' submission queues come from the systems this deployment has secrets for.
        var approvalSystems = configuration.GetSection("ApprovalSystems:Secrets").GetChildren().Select(c => c.Key).Order().ToArray();
        services.AddSingleton(new BrokerTopology(BrokerTopology.Routes, approvalSystems));
        var rabbit = configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        services.AddSingleton(BrokerIdentities.OfService(serviceName, rabbit.Username));
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            // Nothing leaves this network but the broker's own traffic.
            x.DisableUsageTelemetry();
            // In readiness as degraded at worst, like the broker probe: the HTTP APIs do not need the bus.
            x.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "bus";
                o.Tags.Add("ready");
                o.MinimalFailureStatus = HealthStatus.Degraded;
            });
            addConsumers(x);
            // Binding a contract's exchange needs rights on it that only provisioning has; nobody here consumes faults; what
            // fails or is skipped moves without the sender's user_id, which RabbitMQ would refuse from this service's user.
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // As provisioning declares it (BrokerTopology.QueueArguments); the bus's own temporary queue stays classic.
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                    rabbitEndpoint.SetQuorumQueue();
                endpoint.ConfigureConsumeTopology = false;
                endpoint.PublishFaults = false;
                endpoint.ConfigureError(e => e.UseFilter(new SenderlessMoveFilter<ExceptionReceiveContext>(
                    "_error", (context, headers) => headers.SetExceptionHeaders(context))));
                endpoint.ConfigureDeadLetter(d => d.UseFilter(new SenderlessMoveFilter<ReceiveContext>(
                    "_skipped", (_, headers) => headers.Set(MessageHeaders.Reason, "skipped"))));
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Nodes[0].HostName, (ushort)rabbit.Nodes[0].Port, rabbit.VirtualHost, h =>
                {
                    // Every node of a cluster (RabbitMq:Hosts): the bus connects to the first that answers and, when its
                    // node goes, recovers on another; quorum queues keep their messages and consumers on the others.
                    if (rabbit.Nodes.Count > 1)
                        h.UseCluster(c => { foreach (var node in rabbit.Nodes) c.Node($"{node.HostName}:{node.Port}"); });
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                    h.PublisherConfirmation = true;
                });
                cfg.Durable = true;
                cfg.UseConsumeFilter(typeof(ProjectIdConsumeFilter<>), context);
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
        services.AddSingleton<BrokerProbe>();
        services.AddSingleton<BrokerWatchdog>();
        services.AddHostedService(sp => sp.GetRequiredService<BrokerWatchdog>());
        services.AddHostedService<StoragePurge>();
        services.AddHealthChecks()
            .AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"])
            .AddCheck<BrokerHealthCheck>("broker", tags: ["ready"])
            .AddCheck<BusStuckHealthCheck>("bus-stuck", tags: ["live"]);
        services.AddGaugeSample<OutboxGauges>();
        var errorQueues = BrokerTopology.Routes.Where(r => r.Services.Contains(serviceName))
            .Select(r => BrokerTopology.QueueOf(serviceName, r.Message) + "_error").ToArray();
        services.AddSingleton<IGaugeSample>(new ErrorQueueGauge(rabbit, errorQueues));
        return services;
    }
}
