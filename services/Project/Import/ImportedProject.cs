using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.Import;

/// <summary>
/// One project of the bureau's 台账 as a good row gives it: who, where, the agreement, the stage it has reached and the
/// facts and days of each stage it passed; the master data when the row has it.
/// </summary>
public sealed record ImportedProject(
    int Row, string Name, string Enterprise, string? EnterpriseUscc, string Industry, string District, ImportPark Park,
    string AgreementNo, DateOnly SignedOn, decimal ContractedInvestment, ProjectState Stage,
    string? CompanyName, string? CompanyUscc, string? ParcelId, decimal? AreaMu, DateOnly? LandContractDate, DateOnly? LandAcquiredOn,
    DateOnly? ConstructionStartedOn, DateOnly? ProductionStartedOn,
    string? ConstructionContent, string? Location, DateOnly? PlannedStartOn, DateOnly? PlannedFinishOn)
{
    /// <summary>The stages an imported project may be in, in order.</summary>
    public static readonly ProjectState[] Stages =
        [ProjectState.Signed, ProjectState.Registered, ProjectState.LandAcquired, ProjectState.UnderConstruction, ProjectState.InProduction];

    public bool Reached(ProjectState stage) => Array.IndexOf(Stages, Stage) >= Array.IndexOf(Stages, stage);

    /// <summary>
    /// The day it registered (注册落地), which the 台账 does not give: no later than the first later stage it reached, else
    /// the signing day; null when it has not registered. Statistics count the registration then, not on the import day.
    /// </summary>
    public DateOnly? RegisteredOn => !Reached(ProjectState.Registered) ? null
        : new[] { LandAcquiredOn, ConstructionStartedOn, ProductionStartedOn }.Min() ?? SignedOn;

    /// <summary>The stages after signing it passed, each with the day it was reached when the 台账 has one (注册 has none).</summary>
    public IEnumerable<(ProjectState Stage, DateOnly? On)> StagesAfterSigning() =>
        Stages.Skip(1).Where(Reached).Select(s => (s, s switch
        {
            ProjectState.LandAcquired => LandAcquiredOn,
            ProjectState.UnderConstruction => ConstructionStartedOn,
            ProjectState.InProduction => ProductionStartedOn,
            _ => (DateOnly?)null,
        }));
}

/// <summary>A park a row may name: by its name, in its district.</summary>
public sealed record ImportPark(Guid Id, string Name, string District);

/// <summary>
/// What rows are checked against, read once per import: the industries by every spelling (name → the dictionary's name),
/// the districts, the parks by name, the agreement numbers projects already have; and who imports (district staff only
/// their own district).
/// </summary>
public sealed record ImportReference(
    IReadOnlyDictionary<string, string> Industries, IReadOnlySet<string> Districts, IReadOnlyDictionary<string, ImportPark> Parks,
    string? OnlyDistrict, DateOnly Today);
