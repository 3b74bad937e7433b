namespace Zhaoshang.Contracts;

/// <summary>
/// A cooperation intent (合作意向) became a project; the project service creates it in Negotiating (在谈).
/// EnterpriseHqRegion is the enterprise's headquarters as lead keeps it (a place or a source region; null in older messages).
/// </summary>
public sealed record CooperationIntentConverted(
    Guid IntentId,
    Guid ProjectId,
    Guid EnterpriseId,
    string EnterpriseName,
    string? EnterpriseUscc,
    string Industry,
    decimal IntendedInvestment,
    string District,
    string FirstDistrict,
    IntentTaskTeam? TaskTeam,
    DateTimeOffset ConvertedAt,
    string? EnterpriseHqRegion = null);

/// <summary>The dedicated task team (专班) that follows an intent and, once converted, its project.</summary>
public sealed record IntentTaskTeam(string LeadOfficial, IReadOnlyList<string> Members, string Department);

/// <summary>An intent moved to another district (项目流转); the first district keeps its 首谈 credit.</summary>
public sealed record CooperationIntentTransferred(
    Guid IntentId,
    string FromDistrict,
    string ToDistrict,
    string FirstDistrict,
    string Reason,
    DateTimeOffset TransferredAt);

/// <summary>An intent missed a service level (respond, assess, follow up); published once per missed deadline.</summary>
public sealed record CooperationIntentOverdue(
    Guid IntentId,
    string Kind,
    DateOnly DueOn,
    int WorkingDaysLate,
    string District,
    string EnterpriseName,
    DateTimeOffset DetectedAt);
