using Microsoft.AspNetCore.Routing;
using Npgsql;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Platform.Attachments;

/// <summary>
/// The record an attachment proves (a follow-up, a node, a funds report, an approval item): its id, where it belongs for
/// access, and the audit trail its attachments' uploads and downloads are written to (the record's own, or the one its
/// service shows as its history).
/// </summary>
public sealed record AttachableRecord(Guid Id, RecordScope Scope, string AuditType, Guid AuditId)
{
    /// <summary>Districts the record was transferred from: their staff still see it (its history), but change nothing.</summary>
    public IReadOnlyList<string> FormerDistricts { get; init; } = [];

    public bool IsVisibleTo(Actor actor) =>
        actor.CanSee(Scope) || (actor.Role == Roles.District && actor.District is { } district && FormerDistricts.Contains(district));
}

/// <summary>
/// Finds the record of an attachments route from its route values (as <see cref="AttachmentsApi.MapAttachments"/>
/// was given them), or null when there is none.
/// </summary>
public delegate Task<AttachableRecord?> AttachableRecordResolver(NpgsqlConnection connection, RouteValueDictionary route);

public static class AttachmentRoutes
{
    /// <summary>A route value the route's <c>:guid</c> constraint has checked, as a Guid.</summary>
    public static Guid Id(this RouteValueDictionary route, string name) =>
        Guid.Parse(Convert.ToString(route[name], System.Globalization.CultureInfo.InvariantCulture)!);

    /// <summary>A route value as text.</summary>
    public static string Text(this RouteValueDictionary route, string name) =>
        Convert.ToString(route[name], System.Globalization.CultureInfo.InvariantCulture)!;
}
