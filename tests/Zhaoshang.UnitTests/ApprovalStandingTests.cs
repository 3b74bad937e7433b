using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.UnitTests;

/// <summary>The approval case's events applied by CaseVersion: what each does to the project's state.</summary>
public class ApprovalStandingTests
{
    [Theory]
    [InlineData(ProjectState.Signed)]
    [InlineData(ProjectState.Registered)]
    [InlineData(ProjectState.LandAcquired)]
    public void A_newer_setback_stalls_a_project_on_its_way(ProjectState state) =>
        Assert.Equal(ApprovalEffect.Stall, ApprovalStanding.Decide(state, null, 4, permitOnFile: false, setback: true, caseVersion: 5));

    [Fact]
    public void A_setback_older_than_what_the_project_applied_changes_nothing() =>
        Assert.Equal(ApprovalEffect.None,
            ApprovalStanding.Decide(ProjectState.Registered, null, 9, permitOnFile: false, setback: true, caseVersion: 5));

    [Fact]
    public void A_setback_after_the_permit_is_on_file_does_not_stall_construction() =>
        Assert.Equal(ApprovalEffect.None,
            ApprovalStanding.Decide(ProjectState.UnderConstruction, null, 9, permitOnFile: true, setback: true, caseVersion: 12));

    [Fact]
    public void A_newer_setback_while_stalled_by_the_case_restates_the_reason() =>
        Assert.Equal(ApprovalEffect.RestateStall,
            ApprovalStanding.Decide(ProjectState.Stalled, 5, 5, permitOnFile: false, setback: true, caseVersion: 8));

    [Theory]
    [InlineData(ProjectState.Stalled)]
    [InlineData(ProjectState.Terminated)]
    [InlineData(ProjectState.InProduction)]
    public void A_setback_leaves_a_staff_stall_and_the_end_states_alone(ProjectState state) =>
        Assert.Equal(ApprovalEffect.None, ApprovalStanding.Decide(state, null, 4, permitOnFile: false, setback: true, caseVersion: 5));

    [Fact]
    public void Newer_progress_lifts_a_stall_the_case_caused() =>
        Assert.Equal(ApprovalEffect.LiftStall,
            ApprovalStanding.Decide(ProjectState.Stalled, 5, 5, permitOnFile: false, setback: false, caseVersion: 9));

    [Fact]
    public void Older_progress_leaves_the_case_stall_unless_the_permit_is_issued()
    {
        Assert.Equal(ApprovalEffect.None, ApprovalStanding.Decide(ProjectState.Stalled, 9, 9, permitOnFile: false, setback: false, caseVersion: 5));
        Assert.Equal(ApprovalEffect.LiftStall, ApprovalStanding.Decide(ProjectState.Stalled, 9, 9, permitOnFile: true, setback: false, caseVersion: 7));
    }

    [Fact]
    public void Progress_never_lifts_a_stall_staff_made() =>
        Assert.Equal(ApprovalEffect.None,
            ApprovalStanding.Decide(ProjectState.Stalled, null, 2, permitOnFile: true, setback: false, caseVersion: 9));

    [Fact]
    public void Events_published_before_versions_travelled_apply_while_nothing_versioned_did()
    {
        Assert.True(ApprovalStanding.IsNewer(0, 0));
        Assert.False(ApprovalStanding.IsNewer(0, 3));
        Assert.False(ApprovalStanding.IsNewer(3, 3));
    }

    [Theory]
    [InlineData(ProjectState.LandAcquired, true, true)]
    [InlineData(ProjectState.LandAcquired, false, false)]
    [InlineData(ProjectState.Registered, true, false)]
    [InlineData(ProjectState.Stalled, true, false)]
    public void Construction_starts_with_land_and_the_permit(ProjectState state, bool permit, bool starts) =>
        Assert.Equal(starts, ApprovalStanding.StartsConstruction(state, permit ? new DateOnly(2026, 11, 20) : null));
}
