using System.Diagnostics;
using Dapper;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>A project's timeline: every state change with who, when, from, to, why and the trace that caused it.</summary>
internal static class Timeline
{
    public sealed record Entry(
        long Id, ProjectState? FromState, ProjectState ToState, string? Reason, DateTimeOffset OccurredAt, string? ActorSubject,
        string? ActorRole, string? ActorDistrict, string? TraceId);

    public static Task RecordAsync(
        UnitOfWork work, Guid projectId, ProjectState? from, ProjectState to, string? reason, DateTimeOffset occurredAt) =>
        work.ExecuteAsync(
            """
            INSERT INTO project_timeline (project_id, from_state, to_state, reason, occurred_at, trace_id, actor_subject,
                                          actor_role, actor_district)
            VALUES (@projectId, @From, @To, @reason, @occurredAt, @TraceId, @Subject, @Role, @District)
            """,
            new
            {
                projectId, From = from?.ToString(), To = to.ToString(), reason, occurredAt,
                TraceId = Activity.Current?.TraceId.ToHexString(), work.Actor.Subject, work.Actor.Role, work.Actor.District,
            });

    public static async Task<IReadOnlyList<Entry>> ReadAsync(Npgsql.NpgsqlConnection connection, Guid projectId) =>
        (await connection.QueryAsync<Entry>(
            """
            SELECT id, from_state, to_state, reason, occurred_at, actor_subject, actor_role, actor_district, trace_id
            FROM project_timeline WHERE project_id = @projectId ORDER BY id
            """,
            new { projectId })).AsList();
}
