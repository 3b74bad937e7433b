namespace Zhaoshang.Lead.Intents;

/// <summary>The life of a cooperation intent (合作意向).</summary>
public enum IntentStatus
{
    New,
    Following,
    Qualified,
    Converted,
    Dropped,
}

/// <summary>Every allowed status change, in one table.</summary>
public static class IntentTransitions
{
    private static readonly Dictionary<IntentStatus, IntentStatus[]> Allowed = new()
    {
        // The foundation slice converts straight from New; issue #4 decides whether qualifying is required first.
        [IntentStatus.New] = [IntentStatus.Following, IntentStatus.Converted, IntentStatus.Dropped],
        [IntentStatus.Following] = [IntentStatus.Qualified, IntentStatus.Converted, IntentStatus.Dropped],
        [IntentStatus.Qualified] = [IntentStatus.Converted, IntentStatus.Dropped],
        [IntentStatus.Converted] = [],
        [IntentStatus.Dropped] = [],
    };

    public static bool CanMove(IntentStatus from, IntentStatus to) => Allowed[from].Contains(to);
}
