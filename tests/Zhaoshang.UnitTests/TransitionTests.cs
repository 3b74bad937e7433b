using Zhaoshang.Lead.Intents;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.UnitTests;

public class TransitionTests
{
    [Theory]
    [InlineData(ProjectState.Negotiating, ProjectState.Signed)]
    [InlineData(ProjectState.Signed, ProjectState.Registered)]
    [InlineData(ProjectState.Registered, ProjectState.LandAcquired)]
    [InlineData(ProjectState.LandAcquired, ProjectState.UnderConstruction)]
    [InlineData(ProjectState.UnderConstruction, ProjectState.InProduction)]
    [InlineData(ProjectState.Signed, ProjectState.Stalled)]
    [InlineData(ProjectState.Negotiating, ProjectState.Terminated)]
    public void Project_moves_forward_along_the_lifecycle(ProjectState from, ProjectState to) =>
        Assert.True(ProjectTransitions.CanMove(from, to));

    [Theory]
    [InlineData(ProjectState.Signed, ProjectState.Signed)]
    [InlineData(ProjectState.Negotiating, ProjectState.LandAcquired)]
    [InlineData(ProjectState.Signed, ProjectState.UnderConstruction)]
    [InlineData(ProjectState.InProduction, ProjectState.Negotiating)]
    [InlineData(ProjectState.Terminated, ProjectState.Signed)]
    public void Project_cannot_skip_stages_repeat_or_leave_an_end_state(ProjectState from, ProjectState to) =>
        Assert.False(ProjectTransitions.CanMove(from, to));

    [Fact]
    public void Every_project_state_has_a_row_in_the_table()
    {
        foreach (var state in Enum.GetValues<ProjectState>())
            _ = ProjectTransitions.CanMove(state, ProjectState.Terminated);
    }

    [Theory]
    [InlineData(IntentStatus.New, IntentStatus.Following, true)]
    [InlineData(IntentStatus.Following, IntentStatus.Qualified, true)]
    [InlineData(IntentStatus.Qualified, IntentStatus.Converted, true)]
    [InlineData(IntentStatus.New, IntentStatus.Converted, false)]
    [InlineData(IntentStatus.Following, IntentStatus.Converted, false)]
    [InlineData(IntentStatus.New, IntentStatus.Qualified, false)]
    [InlineData(IntentStatus.Qualified, IntentStatus.Dropped, true)]
    [InlineData(IntentStatus.Converted, IntentStatus.Converted, false)]
    [InlineData(IntentStatus.Converted, IntentStatus.Dropped, false)]
    [InlineData(IntentStatus.Dropped, IntentStatus.Following, false)]
    [InlineData(IntentStatus.Qualified, IntentStatus.New, false)]
    public void Intent_transitions_follow_the_table(IntentStatus from, IntentStatus to, bool allowed) =>
        Assert.Equal(allowed, IntentTransitions.CanMove(from, to));
}
