using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhaoshang.DemoData;

/// <summary>
/// The contents of demo-data.json. Every day is an offset in calendar days from the day the data is loaded (0 is that
/// day, -180 half a year before it), so the data looks current whenever it is loaded.
/// </summary>
public sealed record SeedData(
    decimal UsdRate, PolicySeed IncentivePolicy, IReadOnlyList<TargetSeed> Targets, IReadOnlyList<EnterpriseSeed> Enterprises, IReadOnlyList<EventSeed> Events,
    IReadOnlyList<IntentSeed> Intents)
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    public static SeedData Load(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<SeedData>(file, Strict)
            ?? throw new JsonException($"{path} holds null instead of the demo data.");
    }

    public IEnumerable<IntentSeed> Projects => Intents.Where(intent => intent.Project is not null);
}

public sealed record PolicySeed(
    string Name, string Milestone, decimal MinFixedAssetCny, decimal Percentage, decimal CapCny, IReadOnlyList<decimal> Stages,
    decimal BudgetCny, int ClawbackYears);

/// <summary>The bureau's targets for the year <c>yearsBack</c> years before the load day's (0: this year).</summary>
/// <summary>A yearly target of the statistics (PUT /api/statistics/targets): the city's when District is null.</summary>
public sealed record TargetSeed(int YearsBack, string Indicator, string? District, decimal Value);

public sealed record EnterpriseSeed(
    string Key, string Name, string? Uscc, string HqRegion, string IndustryChain, string ChainRole, string Priority);

public sealed record EventSeed(
    string Key, string Title, string Type, string Region, int StartsOn, int? EndsOn, string Leader, bool Major, string Summary);

/// <summary>Where the intent ends: New and Following stay open as received and followed up; the others are staff decisions.</summary>
public enum IntentOutcome { New, Following, Qualified, Dropped, Converted }

public sealed record IntentSeed(
    string Key, string Enterprise, string? Event, string Industry, decimal IntendedInvestment, string District, int ReceivedOn,
    TaskTeam? TaskTeam, IReadOnlyList<FollowUpSeed> FollowUps, IntentOutcome Outcome, string? DropReason, ProjectSeed? Project);

public sealed record TaskTeam(string LeadOfficial, IReadOnlyList<string> Members, string Department);

public sealed record FollowUpSeed(string Kind, int OccurredOn, string Summary, string? NextStep, int? NextStepOn);

/// <summary>The stages in the order a project passes them (the project service's names).</summary>
public enum ProjectStage { Negotiating, Signed, Registered, LandAcquired, UnderConstruction, InProduction }

/// <summary>How far finance takes the construction-start award the project earns.</summary>
public enum IncentiveStep { Raised, Approved, Paid }

/// <summary>
/// The converted intent's project: moved to another district before signing (<c>transfer</c>, the first district keeping
/// 首谈), signed, funds reported (and verified), approvals granted by the approval system on <c>approvedOn</c>, taken to
/// <c>reach</c>, its award taken to <c>incentive</c>, and stalled at the end when <c>stall</c> gives the reason.
/// </summary>
public sealed record ProjectSeed(
    TransferSeed? Transfer, SigningSeed? Sign, ProjectStage Reach, CompanySeed? Company, LandSeed? Land, IReadOnlyList<FundsSeed> Funds,
    int? ApprovedOn, IncentiveStep? Incentive, string? Stall);

public sealed record TransferSeed(string ToDistrict, string Reason);

public sealed record SigningSeed(string AgreementNo, int SignedOn, decimal ContractedInvestment, string Park);

public sealed record CompanySeed(string Name, string Uscc);

public sealed record LandSeed(string ParcelId, decimal AreaMu, int ContractDate);

public sealed record FundsSeed(
    decimal Amount, string Currency, string Source, string Use, int ReportedOn, string EvidenceRef, bool Verify);
