namespace Zhaoshang.Contracts;

/// <summary>A cooperation intent (合作意向) became a project; the project service creates it in Negotiating (在谈).</summary>
public sealed record CooperationIntentConverted(
    Guid IntentId,
    Guid ProjectId,
    Guid EnterpriseId,
    string EnterpriseName,
    string? EnterpriseUscc,
    string Industry,
    decimal IntendedInvestment,
    string District,
    DateTimeOffset ConvertedAt);
