namespace Zhaoshang.Platform.Messaging;

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    /// <summary>The service's own broker user (<see cref="BrokerIdentities"/>); no default, the environment supplies it.</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>How long the bus may stay unhealthy, with the broker answering, before the service restarts (longer than a broker restart takes).</summary>
    public TimeSpan RecoveryTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
