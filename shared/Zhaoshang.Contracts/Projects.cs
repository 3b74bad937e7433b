namespace Zhaoshang.Contracts;

/// <summary>A project signed its investment agreement (签约); approval and funding open their records for it.</summary>
public sealed record ProjectSigned(
    Guid ProjectId,
    string AgreementNo,
    DateOnly SignedOn,
    decimal ContractedInvestment,
    string Industry,
    string District,
    DateTimeOffset OccurredAt);
