using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.UnitTests;

/// <summary>Every (from, to) pair of the project lifecycle, against an independent statement of the rules.</summary>
public class ProjectTransitionTableTests
{
    private static readonly HashSet<(ProjectState, ProjectState)> Allowed =
    [
        (ProjectState.Negotiating, ProjectState.Signed), (ProjectState.Negotiating, ProjectState.Terminated),
        (ProjectState.Signed, ProjectState.Registered), (ProjectState.Signed, ProjectState.Stalled),
        (ProjectState.Signed, ProjectState.Terminated),
        (ProjectState.Registered, ProjectState.LandAcquired), (ProjectState.Registered, ProjectState.Stalled),
        (ProjectState.Registered, ProjectState.Terminated),
        (ProjectState.LandAcquired, ProjectState.UnderConstruction), (ProjectState.LandAcquired, ProjectState.Stalled),
        (ProjectState.LandAcquired, ProjectState.Terminated),
        (ProjectState.UnderConstruction, ProjectState.InProduction), (ProjectState.UnderConstruction, ProjectState.Stalled),
        (ProjectState.UnderConstruction, ProjectState.Terminated),
        (ProjectState.Stalled, ProjectState.Signed), (ProjectState.Stalled, ProjectState.Registered),
        (ProjectState.Stalled, ProjectState.LandAcquired), (ProjectState.Stalled, ProjectState.UnderConstruction),
        (ProjectState.Stalled, ProjectState.Terminated),
    ];

    public static IEnumerable<object[]> AllPairs() =>
        from source in Enum.GetValues<ProjectState>()
        from target in Enum.GetValues<ProjectState>()
        select new object[] { source, target };

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_pair_is_allowed_exactly_when_the_rules_say(ProjectState from, ProjectState to) =>
        Assert.Equal(Allowed.Contains((from, to)), ProjectTransitions.CanMove(from, to));

    [Theory]
    [InlineData(ProjectState.LandAcquired, ProjectState.LandAcquired, true)]
    [InlineData(ProjectState.LandAcquired, ProjectState.Signed, false)]
    [InlineData(ProjectState.LandAcquired, ProjectState.UnderConstruction, false)]
    [InlineData(ProjectState.Signed, ProjectState.Terminated, true)]
    public void A_stalled_project_resumes_only_to_the_stage_it_stalled_in(ProjectState stalledFrom, ProjectState to, bool allowed) =>
        Assert.Equal(allowed, ProjectTransitions.CanMove(ProjectState.Stalled, to, stalledFrom));
}
