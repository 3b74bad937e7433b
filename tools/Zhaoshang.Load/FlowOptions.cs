namespace Zhaoshang.Load;

public sealed record FlowOptions
{
    /// <summary>How long one automatic step may take before the project counts as failed.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The first wait between polls of a project; it doubles up to 2 s. The automatic steps are timed from the
    /// services' own records, so polling slower only lengthens the driver's view, and leaves the services their CPU.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>≥ 1亿元 puts the project on the green channel; ≥ 10亿元 adds 全程代办.</summary>
    public decimal Investment { get; init; } = 300_000_000.00m;

    public decimal FundsInPlace { get; init; } = 30_000_000.00m;

    /// <summary>Finance approves each project's incentive claim and pays every stage (the fault-injection run checks each is paid once).</summary>
    public bool PayIncentives { get; init; }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
