using System.Diagnostics;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>Writes a project's state change into its timeline, in the same transaction as the change.</summary>
internal static class Timeline
{
    public static Task RecordAsync(
        UnitOfWork work, Guid projectId, ProjectState? from, ProjectState to, string? reason, DateTimeOffset occurredAt) =>
        work.ExecuteAsync(
            """
            INSERT INTO project_timeline (project_id, from_state, to_state, reason, occurred_at, trace_id)
            VALUES (@projectId, @From, @To, @reason, @occurredAt, @TraceId)
            """,
            new
            {
                projectId, From = from?.ToString(), To = to.ToString(), reason, occurredAt,
                TraceId = Activity.Current?.TraceId.ToHexString(),
            });
}
