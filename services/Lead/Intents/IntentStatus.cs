namespace Zhaoshang.Lead.Intents;

/// <summary>The life of a cooperation intent (合作意向).</summary>
public enum IntentStatus
{
    /// <summary>Received, nobody has contacted the enterprise yet.</summary>
    New,
    /// <summary>对接中: the first follow-up was recorded.</summary>
    Following,
    /// <summary>研判通过: assessed as worth a project.</summary>
    Qualified,
    /// <summary>转化为项目</summary>
    Converted,
    /// <summary>放弃</summary>
    Dropped,
}

/// <summary>Every allowed status change, in one table.</summary>
public static class IntentTransitions
{
    private static readonly Dictionary<IntentStatus, IntentStatus[]> Allowed = new()
    {
        [IntentStatus.New] = [IntentStatus.Following, IntentStatus.Dropped],
        [IntentStatus.Following] = [IntentStatus.Qualified, IntentStatus.Dropped],
        [IntentStatus.Qualified] = [IntentStatus.Converted, IntentStatus.Dropped],
        [IntentStatus.Converted] = [],
        [IntentStatus.Dropped] = [],
    };

    public static bool CanMove(IntentStatus from, IntentStatus to) => Allowed[from].Contains(to);

    /// <summary>Open intents can still be followed up, given a task team or transferred.</summary>
    public static bool IsOpen(IntentStatus status) => Allowed[status].Length > 0;
}
