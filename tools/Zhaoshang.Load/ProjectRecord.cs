namespace Zhaoshang.Load;

/// <summary>What the driver saw of one project: its ids, when each automatic step happened, and what went wrong.</summary>
public sealed class ProjectRecord(int number)
{
    private bool _opened;

    public int Number => number;
    public Guid EnterpriseId { get; set; }
    public Guid IntentId { get; set; }
    public Guid ProjectId { get; set; }

    /// <summary>Set once the project service has the project, so a reader never asks for one it cannot have yet.</summary>
    public bool Opened { get => Volatile.Read(ref _opened); set => Volatile.Write(ref _opened, value); }
    /// <summary>From the conversion's commit to the project service taking the project up (read from the databases).</summary>
    public TimeSpan? ConversionToVisible { get; set; }
    public DateTimeOffset? LandAcquiredAt { get; set; }
    public DateTimeOffset? ConstructionStartedAt { get; set; }
    public List<TimeSpan> WebhookLatencies { get; } = [];
    public string? Failure { get; set; }
    /// <summary>Set by <see cref="FlowVerifier"/> when something happened more often than once: a transition, funds, a claim, a payment.</summary>
    public bool AppliedTwice { get; set; }
    public TimeSpan Elapsed { get; set; }

    public TimeSpan? LandToConstruction => ConstructionStartedAt - LandAcquiredAt;
}
