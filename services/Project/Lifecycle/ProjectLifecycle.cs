using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>
/// Every state change of a project goes through here: the transition table, optimistic concurrency on the version,
/// the timeline entry, the audit row and the <see cref="ProjectStateChanged"/> event, all in the caller's transaction.
/// </summary>
internal static class ProjectLifecycle
{
    public static async Task<ProjectRow?> FindAsync(UnitOfWork work, Guid id) =>
        await work.QuerySingleOrDefaultAsync<ProjectRow>(ProjectRow.Select + " WHERE id = @id", new { id });

    /// <summary>The project, if the actor may change it: 404 when they may not see it, 403 when they only may see it.</summary>
    public static async Task<(ProjectRow? Project, ProblemHttpResult? Refusal)> FindForChangeAsync(UnitOfWork work, Guid id)
    {
        var project = await FindAsync(work, id);
        if (project is null || !work.Actor.CanSee(project.Scope))
            return (null, Problems.NotFound("Project", id));
        if (!work.Actor.CanChange(project.Scope))
            return (null, Problems.Forbidden($"Only the bureau and {project.District}'s staff may change this project."));
        return (project, null);
    }

    /// <summary>Moves the project, or says why not (409: not allowed from its state, or changed meanwhile).</summary>
    public static async Task<ProblemHttpResult?> MoveAsync(
        UnitOfWork work, ProjectRow project, ProjectState to, string? reason, TimeProvider clock, int? expectedVersion = null)
    {
        if (!ProjectTransitions.CanMove(project.State, to, project.StalledFrom))
            return Problems.IllegalTransition("Project", project.State.ToString(), $"moved to {to}");
        if (expectedVersion is not null && expectedVersion != project.Version)
            return Stale(project.Version);

        var now = clock.GetUtcNow();
        var moved = await work.ExecuteAsync(
            """
            UPDATE projects
            SET state = @To, state_entered_at = @now, state_reason = @reason,
                stalled_from = CASE WHEN @To = 'Stalled' THEN state END,
                version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @Version
            """,
            new { To = to.ToString(), now, reason, project.Id, project.Version });
        if (moved == 0)
            return Stale(project.Version + 1);

        await Timeline.RecordAsync(work, project.Id, project.State, to, reason, now);
        await work.AuditAsync("Project", project.Id, $"moved to {to}", new { project.State }, new { State = to, Reason = reason });
        await work.PublishAsync(new ProjectStateChanged(
            project.Id, project.State.ToString(), to.ToString(), reason, project.District, project.Park, project.Industry,
            clock.TodayInChina(), now));
        return null;
    }

    private static ProblemHttpResult Stale(int current) =>
        Problems.Conflict("The project was changed meanwhile.", $"Reload it (now at version {current} or later) and try again.");
}
