using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zhaoshang.DemoData;

/// <summary>The contents of demo-data.json.</summary>
internal sealed record SeedData(
    IReadOnlyList<EnterpriseSeed> Enterprises, IReadOnlyList<EventSeed> Events, IReadOnlyList<IntentSeed> Intents)
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static SeedData Load(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<SeedData>(file, Strict)
            ?? throw new JsonException($"{path} holds null instead of the demo data.");
    }

    /// <summary>What is inconsistent in the data, checked before anything is sent.</summary>
    public IEnumerable<string> Problems()
    {
        var enterprises = Enterprises.Select(enterprise => enterprise.Key).ToHashSet();
        var events = Events.Select(e => e.Key).ToHashSet();
        if (enterprises.Count != Enterprises.Count)
            yield return "enterprise keys are not unique";
        if (events.Count != Events.Count)
            yield return "event keys are not unique";
        foreach (var intent in Intents)
        {
            if (!enterprises.Contains(intent.Enterprise))
                yield return $"intent {intent.Key}: no enterprise '{intent.Enterprise}'";
            if (intent.Event is not null && !events.Contains(intent.Event))
                yield return $"intent {intent.Key}: no event '{intent.Event}'";
            if (intent.Qualify && intent.FollowUps.Count == 0)
                yield return $"intent {intent.Key}: qualified without follow-ups";
            if (intent.Convert && !intent.Qualify)
                yield return $"intent {intent.Key}: converted without being qualified";
            if (intent.Sign is not null && !intent.Convert)
                yield return $"intent {intent.Key}: signed without being converted";
        }
    }
}

internal sealed record EnterpriseSeed(
    string Key, string Name, string? Uscc, string HqRegion, string IndustryChain, string ChainRole, string Priority);

internal sealed record EventSeed(
    string Key, string Title, string Type, string Region, DateOnly StartsOn, DateOnly? EndsOn, string Leader, bool Major,
    string Summary);

internal sealed record IntentSeed(
    string Key, string Enterprise, string? Event, string Industry, decimal IntendedInvestment, string District,
    DateOnly ReceivedOn, TaskTeam? TaskTeam, IReadOnlyList<FollowUp> FollowUps, bool Qualify, bool Convert,
    Signing? Sign);

internal sealed record TaskTeam(string LeadOfficial, IReadOnlyList<string> Members, string Department);

internal sealed record FollowUp(string Kind, DateOnly OccurredOn, string Summary, string? NextStep, DateOnly? NextStepOn);

internal sealed record Signing(string AgreementNo, DateOnly SignedOn, decimal ContractedInvestment, string Park);
