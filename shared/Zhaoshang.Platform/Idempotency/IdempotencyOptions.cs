namespace Zhaoshang.Platform.Idempotency;

/// <summary>How long the answer to a creating request sent with an Idempotency-Key is kept (section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// A retry within this time gets the first answer; after it the key is free again. A day covers any client's retries
    /// (and a night's outage) while keeping the table small.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
