namespace Zhaoshang.Platform.Messaging;

public sealed class OutboxOptions
{
    /// <summary>Off for an API-only replica whose outbox another instance relays.</summary>
    public bool RelayEnabled { get; set; } = true;

    public int BatchSize { get; set; } = 100;

    /// <summary>Safety poll in case a notification is missed while the listener reconnects.</summary>
    public TimeSpan FallbackPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a batch may wait for the broker's confirms. A publish caught by a broker restart can otherwise wait
    /// for ever and stall the relay; after this the batch stays unsent and is tried again.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many times a row may fail by itself (unknown type, unreadable body, returned as unroutable) before it is set
    /// aside (dead-lettered) for operators to look at and requeue. A broker outage counts against no row.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;
}
