namespace Zhaoshang.Platform.Messaging;

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
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
}
