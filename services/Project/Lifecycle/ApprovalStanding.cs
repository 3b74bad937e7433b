namespace Zhaoshang.Project.Lifecycle;

/// <summary>What an approval case event does to the project's state.</summary>
public enum ApprovalEffect
{
    /// <summary>Recorded only: older than what the project applied, or the state has nothing to do with it.</summary>
    None,
    /// <summary>退件 or 不予许可: the project stalls with the reason.</summary>
    Stall,
    /// <summary>A newer setback while the project is already stalled by the case: the reason becomes the newer one.</summary>
    RestateStall,
    /// <summary>The case moved past the setback that stalled the project: it goes back to the stage it stalled in.</summary>
    LiftStall,
}

/// <summary>
/// The approval case's events applied by their CaseVersion, so that the project ends the same whatever order they arrive in:
/// a setback stalls only if it is newer than every case event applied and the certificates are not issued yet (四证齐发 ends
/// the case); a newer event showing progress, or the permit itself, lifts a stall the case caused. Staff stalls stay
/// until staff resume.
/// </summary>
public static class ApprovalStanding
{
    /// <summary>CaseVersion 0 came from before versions travelled: the oldest, yet applied while nothing versioned was.</summary>
    public static bool IsNewer(int caseVersion, int appliedCaseVersion) =>
        caseVersion > appliedCaseVersion || (caseVersion == 0 && appliedCaseVersion == 0);

    /// <param name="state">The project's state now.</param>
    /// <param name="stalledByCaseVersion">The CaseVersion of the setback the project is stalled by; null when not stalled by the case.</param>
    /// <param name="appliedCaseVersion">The newest CaseVersion applied before this event.</param>
    /// <param name="permitOnFile">Whether the construction permit is on file, this event's included.</param>
    /// <param name="setback">Returned (退件) or rejected (不予许可); otherwise progress (pre-land complete, permit issued).</param>
    /// <param name="caseVersion">The event's CaseVersion.</param>
    public static ApprovalEffect Decide(
        ProjectState state, int? stalledByCaseVersion, int appliedCaseVersion, bool permitOnFile, bool setback, int caseVersion)
    {
        var newer = IsNewer(caseVersion, appliedCaseVersion);
        var stalledByCase = state == ProjectState.Stalled && stalledByCaseVersion is not null;
        if (!setback)
            return stalledByCase && (newer || permitOnFile) ? ApprovalEffect.LiftStall : ApprovalEffect.None;
        if (!newer || permitOnFile)
            return ApprovalEffect.None;
        if (stalledByCase)
            return ApprovalEffect.RestateStall;
        return ProjectTransitions.CanMove(state, ProjectState.Stalled) ? ApprovalEffect.Stall : ApprovalEffect.None;
    }

    /// <summary>拿地即开工: a project with its land and the permit on file starts construction.</summary>
    public static bool StartsConstruction(ProjectState state, DateOnly? permitIssuedOn) =>
        state == ProjectState.LandAcquired && permitIssuedOn is not null;
}
