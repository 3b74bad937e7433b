using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Auditing;

public static class AuditApi
{
    public sealed record AuditEntry(
        long Id, DateTimeOffset OccurredAt, string ActorSubject, string ActorRole, string? ActorDistrict, string? ActorPark,
        string RecordType, Guid RecordId, string Action, JsonElement? Before, JsonElement? After, string? TraceId);

    private sealed record AuditRow(
        long Id, DateTimeOffset OccurredAt, string ActorSubject, string ActorRole, string? ActorDistrict, string? ActorPark,
        string RecordType, Guid RecordId, string Action, string? Before, string? After, string? TraceId)
    {
        public AuditEntry ToEntry() => new(
            Id, OccurredAt, ActorSubject, ActorRole, ActorDistrict, ActorPark, RecordType, RecordId, Action,
            Before is null ? null : JsonDocument.Parse(Before).RootElement, After is null ? null : JsonDocument.Parse(After).RootElement,
            TraceId);
    }

    internal static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", GetAuditTrailAsync)
            .WithTag("Audit (审计)", "Who changed a record, when, how (before and after) and in which trace.").WithName("GetAuditTrail")
            .WithSummary("Who changed a record, when, how (before/after) and in which trace.")
            .AllowRoles(Roles.Bureau, Roles.Auditor);
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> GetAuditTrailAsync(
        Guid? recordId, Database database, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireId("recordId", recordId);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await ReadTrailAsync(connection, recordId!.Value));
    }

    /// <summary>A record's audit trail, oldest first; services also show it as the record's history.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadTrailAsync(NpgsqlConnection connection, Guid recordId)
    {
        var rows = await connection.QueryAsync<AuditRow>(
            """
            SELECT id, occurred_at, actor_subject, actor_role, actor_district, actor_park, record_type, record_id, action,
                   before::text AS before, after::text AS after, trace_id
            FROM audit_log WHERE record_id = @recordId ORDER BY id
            """,
            new { recordId });
        return rows.Select(r => r.ToEntry()).ToList();
    }
}
