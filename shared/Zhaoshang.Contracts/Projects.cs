namespace Zhaoshang.Contracts;

// ProjectVersion: the project's version once the change was made. It grows by one with every change the project
// service makes to a project and publishes, so a consumer tells a newer event from an older one whatever order
// they arrive in (0: published before versions travelled; treat as oldest).

/// <summary>The project service created the project for a converted intent; the lead service shows it on the intent.</summary>
public sealed record ProjectOpened(Guid ProjectId, Guid IntentId, string State, DateTimeOffset OpenedAt);

/// <summary>
/// A project signed its investment agreement (签约); approval and funding open their records for it. ImportedAtStage is set
/// for a project imported from the bureau's 台账 (存量项目): the state it was in when imported (Signed … InProduction), so
/// approval records the items of the stages it passed as granted outside the system (外部办结) instead of opening them.
/// </summary>
public sealed record ProjectSigned(
    Guid ProjectId,
    string AgreementNo,
    DateOnly SignedOn,
    decimal ContractedInvestment,
    string Industry,
    string District,
    string Park,
    ProjectApprovalProfile ApprovalProfile,
    IntentTaskTeam? TaskTeam,
    DateTimeOffset OccurredAt,
    int ProjectVersion = 0,
    Guid? ParkId = null,
    string? ImportedAtStage = null);

/// <summary>
/// What the approval case needs: Filing (备案) or Verification (核准); EIA as Report (报告书), Form (报告表) or Exempt;
/// whether an energy review (节能审查) applies.
/// </summary>
public sealed record ProjectApprovalProfile(string Filing, string Eia, bool EnergyReview);

/// <summary>A project got its land (已拿地): the approval service issues the land-dependent certificates together (四证齐发).</summary>
public sealed record ProjectLandAcquired(
    Guid ProjectId,
    string ParcelId,
    decimal AreaMu,
    DateOnly ContractDate,
    DateTimeOffset OccurredAt,
    int ProjectVersion = 0);

/// <summary>Any lifecycle transition of a project, for services that follow its milestones (e.g. incentives).</summary>
public sealed record ProjectStateChanged(
    Guid ProjectId,
    string From,
    string To,
    string? Reason,
    string District,
    string? Park,
    string Industry,
    DateOnly OccurredOn,
    DateTimeOffset OccurredAt,
    int ProjectVersion = 0);

/// <summary>A project moved to another district (项目流转); the first district keeps its 首谈 credit.</summary>
public sealed record ProjectTransferred(
    Guid ProjectId, string FromDistrict, string ToDistrict, string FirstDistrict, string Reason, DateTimeOffset OccurredAt,
    int ProjectVersion = 0);

/// <summary>
/// A park (园区) was renamed; services that show a park's name by its id follow. ParkVersion is the park's version after
/// the rename, so a late rename never overwrites a newer name.
/// </summary>
public sealed record ParkRenamed(Guid ParkId, string Name, int ParkVersion, DateTimeOffset OccurredAt);
