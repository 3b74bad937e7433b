using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Project.NodePlans.Fulfilment;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// Every state change of a project goes through here: the transition table, the version check a caller asked for, the
/// timeline entry, the audit row and the <see cref="ProjectStateChanged"/> event, all in the caller's transaction. Whoever
/// changes a project reads it with <see cref="FindForUpdateAsync"/> first: the row lock, not a version compare, keeps
/// concurrent changes apart, so a message that touched the project meanwhile never refuses a request that named no version.
/// </summary>
internal static class ProjectLifecycle
{
    public static async Task<ProjectRow?> FindAsync(UnitOfWork work, Guid id) =>
        await work.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });

    /// <summary>
    /// The project, locked until the transaction ends. The record lock comes first, as in every consumer that records a
    /// fact or parks a message for the project: taken after the row lock, it deadlocked with them.
    /// </summary>
    public static async Task<ProjectRow?> FindForUpdateAsync(UnitOfWork work, Guid id)
    {
        await work.LockRecordAsync(id);
        return await work.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id FOR UPDATE", new { id });
    }

    /// <summary>The project, locked, if the actor may change it: 404 when they may not see it, 403 when they only may see it.</summary>
    public static async Task<(ProjectRow? Project, ProblemHttpResult? Refusal)> FindForChangeAsync(UnitOfWork work, Guid id)
    {
        var project = await FindForUpdateAsync(work, id);
        if (project is null || !work.Actor.CanSee(project.Scope))
            return (null, Problems.NotFound("Project", id));
        if (!work.Actor.CanChange(project.Scope))
            return (null, Problems.Forbidden($"Only the bureau and {project.District}'s staff may change this project."));
        return (project, null);
    }

    /// <summary>
    /// Moves the locked project to <paramref name="to"/> at version <see cref="ProjectRow.NextVersion"/>, or says why not
    /// (409: not allowed from its state, or the caller's version is stale). A stall the approval case caused carries the
    /// case version of its setback, so newer case progress can lift it.
    /// </summary>
    public static async Task<ProblemHttpResult?> MoveAsync(
        UnitOfWork work, ProjectRow project, ProjectState to, string? reason, TimeProvider clock, int? expectedVersion = null,
        int? stalledByCaseVersion = null)
    {
        if (!ProjectTransitions.CanMove(project.State, to, project.StalledFrom))
            return Problems.IllegalTransition("Project", project.State.ToString(), $"moved to {to}");
        if (expectedVersion is not null && expectedVersion != project.Version)
            return Problems.Conflict("The project was changed meanwhile.", $"Reload it (now at version {project.Version}) and try again.");

        var now = clock.GetUtcNow();
        await work.ExecuteAsync(
            """
            UPDATE projects
            SET state = @To, state_entered_at = @now, state_reason = @reason,
                stalled_from = CASE WHEN @To = 'Stalled' THEN state END, stalled_by_case_version = @stalledByCaseVersion,
                version = @NextVersion, updated_at = @now
            WHERE id = @Id
            """,
            new { To = to.ToString(), now, reason, stalledByCaseVersion, project.NextVersion, project.Id });
        await Timeline.RecordAsync(work, project.Id, project.State, to, reason, now);
        await work.AuditAsync("Project", project.Id, $"moved to {to}", new { project.State }, new { State = to, Reason = reason });
        await work.PublishAsync(new ProjectStateChanged(
            project.Id, project.State.ToString(), to.ToString(), reason, project.District, project.Park, project.Industry,
            clock.TodayInChina(), now, project.NextVersion));
        // The stage's fact completes its node; a step that knows its own day (开工, 投产) records that too, the earlier wins.
        if (FactKeys.ForState(to) is { } fact)
            await NodeFacts.RecordAsync(work, project.Id, fact, clock.TodayInChina(), clock);
        return null;
    }
}
