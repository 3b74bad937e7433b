namespace Zhaoshang.Platform.Messaging;

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>How long the bus may stay unhealthy, with the broker answering, before the service restarts (longer than a broker restart takes).</summary>
    public TimeSpan RecoveryTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
