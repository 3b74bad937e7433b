using RabbitMQ.Client;

namespace Zhaoshang.Platform.Messaging;

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;

    /// <summary>
    /// A cluster's nodes, <c>host:port</c> separated by commas (<c>RabbitMq__Hosts</c>): the bus and every other connection
    /// take the first that answers and move to another when it goes. Empty: the one node of <see cref="Host"/> and <see cref="Port"/>.
    /// </summary>
    public string Hosts { get; set; } = "";

    /// <summary>The nodes to connect to, in order.</summary>
    public IReadOnlyList<AmqpTcpEndpoint> Nodes =>
        Hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } nodes
            ? nodes.Select(node => AmqpTcpEndpoint.Parse(node)).ToArray()
            : [new AmqpTcpEndpoint(Host, Port)];
    public string VirtualHost { get; set; } = "/";
    /// <summary>The service's own broker user (<see cref="BrokerIdentities"/>); no default, the environment supplies it.</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>How long the bus may stay unhealthy, with the broker answering, before it counts as stuck and liveness fails (longer than a broker restart takes).</summary>
    public TimeSpan RecoveryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether a stuck bus also makes the service exit with code 1, for a supervisor that restarts on exit but does not
    /// probe liveness (run.sh sets it); under Kubernetes the liveness probe does that job.
    /// </summary>
    public bool ExitWhenStuck { get; set; }

    /// <summary>
    /// A connection of this account beside the bus's own, to the first of <see cref="Nodes"/> that answers, named as the
    /// broker lists it. With <paramref name="connectTimeout"/> it is a one-off look (no recovery): a probe or a sample that
    /// must not wait long.
    /// </summary>
    public Task<IConnection> ConnectAsync(string clientName, TimeSpan? connectTimeout, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            VirtualHost = VirtualHost, UserName = Username, Password = Password, ClientProvidedName = clientName,
        };
        if (connectTimeout is { } timeout)
            (factory.RequestedConnectionTimeout, factory.AutomaticRecoveryEnabled) = (timeout, false);
        return factory.CreateConnectionAsync(Nodes, cancellationToken);
    }

    /// <summary>Where the broker is, as the logs and health checks name it.</summary>
    public string Describe() => string.Join(',', Nodes.Select(n => $"{n.HostName}:{n.Port}"));
}
