using System.Text.RegularExpressions;
using Zhaoshang.Project.Lifecycle;

namespace Zhaoshang.Project.NodePlans.Fulfilment;

/// <summary>
/// The facts that complete nodes by themselves: the project's own stages (<c>signed</c>, <c>registered</c>, <c>land</c>,
/// <c>construction-start</c>, <c>production</c>) and each granted approval item (<c>approval:{itemCode}</c>). A node's
/// <c>fulfilledBy</c> names one, or alternatives separated by <c>|</c> (备案 or 核准), the earliest of which completes it.
/// </summary>
public static partial class FactKeys
{
    public const string Signed = "signed";
    public const string Registered = "registered";
    public const string Land = "land";
    public const string ConstructionStart = "construction-start";
    public const string Production = "production";

    private static readonly string[] Stages = [Signed, Registered, Land, ConstructionStart, Production];

    public static string ApprovalItem(string itemCode) => "approval:" + itemCode;

    /// <summary>The fact a move into <paramref name="state"/> establishes; signing records its own (the agreement's day).</summary>
    public static string? ForState(ProjectState state) => state switch
    {
        ProjectState.Registered => Registered,
        ProjectState.LandAcquired => Land,
        ProjectState.UnderConstruction => ConstructionStart,
        ProjectState.InProduction => Production,
        _ => null,
    };

    public static string[] Alternatives(string? fulfilledBy) =>
        fulfilledBy is null ? [] : fulfilledBy.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static bool IsKnown(string key) => Stages.Contains(key) || ApprovalKey().IsMatch(key);

    /// <summary>The day a node with <paramref name="fulfilledBy"/> is fulfilled given the facts, or null while none happened.</summary>
    public static DateOnly? FulfilledOn(string? fulfilledBy, IReadOnlyDictionary<string, DateOnly> facts) =>
        Alternatives(fulfilledBy).Select(k => facts.TryGetValue(k, out var day) ? day : (DateOnly?)null).Min();

    [GeneratedRegex("^approval:[a-z0-9-]{1,60}$")]
    private static partial Regex ApprovalKey();
}
