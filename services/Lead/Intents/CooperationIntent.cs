using System.Text.Json;
using System.Text.Json.Serialization;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Lead.Intents;

/// <summary>A cooperation intent (合作意向) as staff see it.</summary>
public sealed record CooperationIntent(
    Guid Id, Guid EnterpriseId, string EnterpriseName, Guid? SourceEventId, string Industry, decimal IntendedInvestment,
    string District, string FirstDistrict, IReadOnlyList<string> PreviousDistricts, IntentStatus Status,
    IntentTaskTeam? TaskTeam, DateOnly ReceivedOn, DateOnly? RespondedOn, DateOnly? AssessedOn, DateOnly? LastContactOn,
    string? DropReason, Guid? ProjectId, DateTimeOffset CreatedAt, DateTimeOffset? ConvertedAt,
    DateTimeOffset? ProjectOpenedAt, int Version)
{
    /// <summary>Who may see it: the current district, and the districts it was transferred from (they keep its history).</summary>
    public bool IsVisibleTo(Actor actor) =>
        actor.CanSee(new RecordScope(District))
        || (actor.Role == Roles.District && actor.District is { } district && PreviousDistricts.Contains(district));

    /// <summary>Who may change it: the bureau and the current district only.</summary>
    public bool IsChangeableBy(Actor actor) => actor.CanChange(new RecordScope(District));

    [JsonIgnore]
    public bool IsOpen => IntentTransitions.IsOpen(Status);
}

/// <summary>The <c>cooperation_intents</c> row as SQL returns it.</summary>
internal sealed record IntentRow(
    Guid Id, Guid EnterpriseId, string EnterpriseName, Guid? SourceEventId, string Industry, decimal IntendedInvestment,
    string District, string FirstDistrict, string[] PreviousDistricts, IntentStatus Status, string? TaskTeam,
    DateOnly ReceivedOn, DateOnly? RespondedOn, DateOnly? AssessedOn, DateOnly? LastContactOn, string? DropReason,
    Guid? ProjectId, DateTimeOffset CreatedAt, DateTimeOffset? ConvertedAt, DateTimeOffset? ProjectOpenedAt, int Version)
{
    public const string Columns =
        """
        i.id, i.enterprise_id, e.name AS enterprise_name, i.source_event_id, i.industry, i.intended_investment, i.district,
        i.first_district, i.previous_districts, i.status, i.task_team::text AS task_team, i.received_on, i.responded_on,
        i.assessed_on, i.last_contact_on, i.drop_reason, i.project_id, i.created_at, i.converted_at, i.project_opened_at,
        i.version
        """;

    public const string From = "cooperation_intents i JOIN enterprises e ON e.id = i.enterprise_id";

    public const string SelectById = $"SELECT {Columns} FROM {From} WHERE i.id = @id";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public CooperationIntent ToIntent() => new(
        Id, EnterpriseId, EnterpriseName, SourceEventId, Industry, IntendedInvestment, District, FirstDistrict,
        PreviousDistricts, Status, TaskTeam is null ? null : JsonSerializer.Deserialize<IntentTaskTeam>(TaskTeam, Json),
        ReceivedOn, RespondedOn, AssessedOn, LastContactOn, DropReason, ProjectId, CreatedAt, ConvertedAt, ProjectOpenedAt,
        Version);
}
