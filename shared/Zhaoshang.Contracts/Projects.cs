namespace Zhaoshang.Contracts;

/// <summary>The project service created the project for a converted intent; the lead service shows it on the intent.</summary>
public sealed record ProjectOpened(Guid ProjectId, Guid IntentId, string State, DateTimeOffset OpenedAt);

/// <summary>A project signed its investment agreement (签约); approval and funding open their records for it.</summary>
public sealed record ProjectSigned(
    Guid ProjectId,
    string AgreementNo,
    DateOnly SignedOn,
    decimal ContractedInvestment,
    string Industry,
    string District,
    string Park,
    DateTimeOffset OccurredAt);
