namespace Zhaoshang.Approval.Cases;

/// <summary>绿色通道 for major projects, by contracted investment (签约额).</summary>
public enum GreenChannelTier
{
    None,

    /// <summary>≥ 1亿元: statutory limits halved (rounded up).</summary>
    Priority,

    /// <summary>≥ 10亿元: halved limits, a task team (专班) and whole-process agent service (全程代办).</summary>
    MajorProject,
}

public static class GreenChannel
{
    public const decimal PriorityThreshold = 100_000_000m;
    public const decimal MajorProjectThreshold = 1_000_000_000m;

    public static GreenChannelTier TierFor(decimal contractedInvestment) => contractedInvestment switch
    {
        >= MajorProjectThreshold => GreenChannelTier.MajorProject,
        >= PriorityThreshold => GreenChannelTier.Priority,
        _ => GreenChannelTier.None,
    };

    public static int LimitFor(int statutoryWorkingDays, GreenChannelTier tier) =>
        tier == GreenChannelTier.None ? statutoryWorkingDays : (statutoryWorkingDays + 1) / 2;
}
