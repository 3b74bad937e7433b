namespace Zhaoshang.Project.Lifecycle;

/// <summary>Where an investment project is in its life.</summary>
public enum ProjectState
{
    /// <summary>在谈</summary>
    Negotiating,
    /// <summary>已签约</summary>
    Signed,
    /// <summary>已注册落地</summary>
    Registered,
    /// <summary>已拿地</summary>
    LandAcquired,
    /// <summary>已开工</summary>
    UnderConstruction,
    /// <summary>已投产</summary>
    InProduction,
    /// <summary>停滞</summary>
    Stalled,
    /// <summary>终止</summary>
    Terminated,
}

/// <summary>The lifecycle's one transition table: a change not listed here is refused with 409.</summary>
public static class ProjectTransitions
{
    private static readonly Dictionary<ProjectState, ProjectState[]> Allowed = new()
    {
        [ProjectState.Negotiating] = [ProjectState.Signed, ProjectState.Terminated],
        [ProjectState.Signed] = [ProjectState.Registered, ProjectState.Stalled, ProjectState.Terminated],
        [ProjectState.Registered] = [ProjectState.LandAcquired, ProjectState.Stalled, ProjectState.Terminated],
        [ProjectState.LandAcquired] = [ProjectState.UnderConstruction, ProjectState.Stalled, ProjectState.Terminated],
        [ProjectState.UnderConstruction] = [ProjectState.InProduction, ProjectState.Stalled, ProjectState.Terminated],
        [ProjectState.InProduction] = [],
        [ProjectState.Stalled] = [ProjectState.Signed, ProjectState.Registered, ProjectState.LandAcquired, ProjectState.UnderConstruction, ProjectState.Terminated],
        [ProjectState.Terminated] = [],
    };

    public static bool CanMove(ProjectState from, ProjectState to) => Allowed[from].Contains(to);

    /// <summary>A stalled project resumes only to the stage it stalled in (or is terminated).</summary>
    public static bool CanMove(ProjectState from, ProjectState to, ProjectState? stalledFrom) =>
        CanMove(from, to) && (from != ProjectState.Stalled || to == ProjectState.Terminated || to == stalledFrom);
}
