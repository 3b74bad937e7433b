using Zhaoshang.Platform.Data;
using Zhaoshang.Project.NodePlans.Fulfilment;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// Applies the approval case's events to the locked project by the rules of <see cref="ApprovalStanding"/>. Facts are
/// recorded whatever the order; the state moves only as the case's newest events say. None of it bumps the version
/// staff send unless the project's state changes (and that change is published).
/// </summary>
internal static class ApprovalOutcomes
{
    /// <summary>Why a project went back to its stage when the case moved past the setback that stalled it.</summary>
    public const string StallLifted = "审批补正后通过，恢复推进";

    /// <summary>Records a fact (<paramref name="assignment"/> with <c>@Day</c>); the record lock first, then the row's.</summary>
    public static async Task RecordFactAsync(UnitOfWork work, Guid projectId, string assignment, DateOnly day)
    {
        await work.LockRecordAsync(projectId);
        if (await work.ExecuteAsync($"UPDATE projects SET {assignment}, updated_at = now() WHERE id = @projectId", new { projectId, Day = day }) == 0)
            throw new InvalidOperationException($"Approval case event for unknown project {projectId}.");
    }

    /// <summary>Pre-land approvals complete or the permit issued: may lift a stall the case caused, and starts construction on land.</summary>
    public static async Task ProgressAsync(UnitOfWork work, Guid projectId, int caseVersion, TimeProvider clock)
    {
        var project = await LockedAsync(work, projectId);
        var effect = ApprovalStanding.Decide(project.State, project.StalledByCaseVersion, project.ApprovalCaseVersion,
            project.ConstructionPermitIssuedOn is not null, setback: false, caseVersion);
        await RecordCaseVersionAsync(work, projectId, caseVersion);
        if (effect == ApprovalEffect.LiftStall)
        {
            await MoveAsync(work, project, project.StalledFrom!.Value, StallLifted, clock);
            project = await LockedAsync(work, projectId);
        }

        await StartOnPermitAsync(work, project, clock);
    }

    /// <summary>Returned (退件) or rejected (不予许可): stalls the project if this is the case's newest word.</summary>
    public static async Task SetbackAsync(
        UnitOfWork work, Guid projectId, int caseVersion, string reason, string action, string itemCode, TimeProvider clock)
    {
        var project = await LockedAsync(work, projectId);
        var effect = ApprovalStanding.Decide(project.State, project.StalledByCaseVersion, project.ApprovalCaseVersion,
            project.ConstructionPermitIssuedOn is not null, setback: true, caseVersion);
        await RecordCaseVersionAsync(work, projectId, caseVersion);
        if (effect == ApprovalEffect.Stall)
            await MoveAsync(work, project, ProjectState.Stalled, reason, clock, caseVersion);
        else if (effect == ApprovalEffect.RestateStall)
            await work.ExecuteAsync(
                "UPDATE projects SET state_reason = @reason, stalled_by_case_version = @caseVersion, updated_at = now() WHERE id = @projectId",
                new { reason, caseVersion, projectId });
        await work.AuditAsync("Project", projectId, action, null, new { itemCode, reason, caseVersion, Effect = effect.ToString() });
    }

    /// <summary>
    /// 拿地即开工: from the permit consumer and a stall the permit lifted (on the permit's day), or from a staff resume to
    /// LandAcquired with the permit already on file (on <paramref name="startedOn"/>, the day of the resume).
    /// </summary>
    public static async Task StartOnPermitAsync(UnitOfWork work, ProjectRow project, TimeProvider clock, DateOnly? startedOn = null)
    {
        if (!ApprovalStanding.StartsConstruction(project.State, project.ConstructionPermitIssuedOn))
            return;
        await MoveAsync(work, project, ProjectState.UnderConstruction, "四证齐发，拿地即开工", clock);
        await work.ExecuteAsync(
            "UPDATE projects SET construction_started_on = coalesce(@startedOn, construction_permit_issued_on) WHERE id = @Id",
            new { startedOn, project.Id });
        await NodeFacts.RecordAsync(work, project.Id, FactKeys.ConstructionStart, startedOn ?? project.ConstructionPermitIssuedOn!.Value, clock);
    }

    private static async Task<ProjectRow> LockedAsync(UnitOfWork work, Guid projectId) =>
        await ProjectLifecycle.FindForUpdateAsync(work, projectId)
        ?? throw new InvalidOperationException($"Approval case event for unknown project {projectId}.");

    private static Task RecordCaseVersionAsync(UnitOfWork work, Guid projectId, int caseVersion) =>
        work.ExecuteAsync(
            "UPDATE projects SET approval_case_version = greatest(approval_case_version, @caseVersion) WHERE id = @projectId",
            new { caseVersion, projectId });

    private static async Task MoveAsync(
        UnitOfWork work, ProjectRow project, ProjectState to, string reason, TimeProvider clock, int? stalledByCaseVersion = null)
    {
        if (await ProjectLifecycle.MoveAsync(work, project, to, reason, clock, stalledByCaseVersion: stalledByCaseVersion) is { } refusal)
            throw new InvalidOperationException($"Project {project.Id} could not move to {to}: {refusal.ProblemDetails.Detail}");
    }
}
