namespace Zhaoshang.ProvinceData;

public sealed record EnterprisePlan(Guid Id, string Name, string? Uscc, string HqRegion, string Chain, string Role, string Priority, DateTime CreatedAt);

public sealed record IntentPlan(
    Guid Id, EnterprisePlan Enterprise, string Industry, decimal Investment, string District, string Status, DateOnly ReceivedOn,
    DateOnly? RespondedOn, DateOnly? AssessedOn, Guid? SourceEventId, IReadOnlyList<DateOnly> Contacts, string Officer)
{
    public Guid? ProjectId { get; set; }
    public DateOnly? ConvertedOn { get; set; }
    public DateOnly? LastContactOn => Contacts.Count == 0 ? null : Contacts[^1];
}

/// <summary>
/// A project and the day it reached each stage (null: not reached). <see cref="Reached"/> is the last stage reached; the
/// state is that stage unless the project is stalled (<see cref="Reached"/> is where it stopped) or terminated.
/// </summary>
public sealed record ProjectPlan(
    Guid Id, IntentPlan Intent, string Reached, string State, DateOnly OpenedOn, DateOnly? SignedOn, DateOnly? RegisteredOn,
    DateOnly? LandOn, DateOnly? ConstructionOn, DateOnly? ProductionOn, DateOnly? StoppedOn, (Guid Id, string Name)? Park,
    decimal? Contracted, string AgreementNo, int Number)
{
    public bool IsSigned => SignedOn is not null;
    public int StageIndex => Array.IndexOf(ProvincePlan.Stages, Reached);
    public bool HasReached(string stage) => StageIndex >= Array.IndexOf(ProvincePlan.Stages, stage);
    public Guid CaseId { get; } = Guid.CreateVersion7();
    public Guid LedgerId { get; } = Guid.CreateVersion7();
    public decimal VerifiedFundsCny { get; set; }

    /// <summary>The day the project entered its current state.</summary>
    public DateOnly StateOn => StoppedOn ?? new[] { OpenedOn, SignedOn, RegisteredOn, LandOn, ConstructionOn, ProductionOn }[StageIndex]!.Value;
}
