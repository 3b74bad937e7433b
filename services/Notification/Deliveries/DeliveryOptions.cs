namespace Zhaoshang.Notification.Deliveries;

/// <summary>Configuration section <c>Notifications:Delivery</c>: how the dispatcher sends and retries.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notifications:Delivery";

    /// <summary>The wait after the first failure; it doubles with each further failure.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a delivery waits for an operator's retry.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the dispatcher looks for deliveries due (it is also woken when a consumer plans some).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many deliveries one instance claims at once.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed delivery is left to its instance before another may take it (an instance that died).</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A robot's or the SMTP server's answer is awaited this long.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsValid() =>
        InitialBackoff > TimeSpan.Zero && MaxBackoff >= InitialBackoff && MaxAttempts >= 1 && PollInterval > TimeSpan.Zero
        && BatchSize >= 1 && SendTimeout > TimeSpan.Zero && ClaimTimeout > SendTimeout;

    /// <summary>
    /// When to try again after the <paramref name="failures"/>-th failure in a row: the initial backoff doubled each time,
    /// at most the maximum; null once the attempts are used up (an operator retries it).
    /// </summary>
    public TimeSpan? BackoffAfter(int failures)
    {
        if (failures >= MaxAttempts)
            return null;
        var doublings = Math.Min(failures - 1, 30);
        var wait = InitialBackoff.Ticks * Math.Pow(2, Math.Max(doublings, 0));
        return wait >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)wait);
    }
}
