using Zhaoshang.Approval.Cases;

namespace Zhaoshang.Approval.Integrations;

/// <summary>
/// Which items each approval system may decide: <c>ApprovalSystems:Items:&lt;system&gt;</c>, a comma-separated list of
/// item codes (<c>ApprovalSystems__Items__tzxm=filing,verification</c>). A system with none configured may decide
/// nothing, so a new system's secret alone lets it decide no item. One rule for the webhook and the broker.
/// </summary>
public sealed class ApprovalSystemItems
{
    public const string Section = "ApprovalSystems:Items";

    private readonly Dictionary<string, HashSet<string>> _items;

    public ApprovalSystemItems(IReadOnlyDictionary<string, string?> configured, ApprovalCatalogue catalogue)
    {
        _items = configured.ToDictionary(
            c => c.Key,
            c => (c.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var unknown = _items.SelectMany(s => s.Value.Where(code => !catalogue.Contains(code)).Select(code => $"{s.Key}: '{code}'")).ToArray();
        if (unknown.Length > 0)
            throw new InvalidOperationException($"{Section} names items that are not in the catalogue ({string.Join(", ", unknown)}).");
    }

    public static ApprovalSystemItems From(IConfiguration configuration, ApprovalCatalogue catalogue) =>
        new(configuration.GetSection(Section).GetChildren().ToDictionary(c => c.Key, c => c.Value), catalogue);

    public bool MayDecide(string system, string itemCode) => _items.TryGetValue(system, out var codes) && codes.Contains(itemCode);

    /// <summary>Why a decision is refused, for the 403 or the dead letter; null when the system may decide the item.</summary>
    public string? Refusal(string system, string itemCode) =>
        MayDecide(system, itemCode) ? null
        : _items.TryGetValue(system, out var codes) && codes.Count > 0
            ? $"Approval system '{system}' may decide only {string.Join(", ", codes.Order(StringComparer.Ordinal))}, not '{itemCode}'."
            : $"Approval system '{system}' has no items configured ({Section}:{system}), so it may not decide '{itemCode}'.";
}
