using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Identifiers;

namespace Zhaoshang.Lead.Enterprises;

/// <summary>An enterprise on the bureau's target list (重点目标企业清单).</summary>
public sealed record Enterprise(
    Guid Id, string Name, string? Uscc, string HqRegion, string IndustryChain, ChainRole ChainRole,
    EnterprisePriority Priority, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>HQ region that allows an enterprise without a USCC.</summary>
    public const string Abroad = "境外";

    public const string Select =
        """
        SELECT id, name, trim(uscc) AS uscc, hq_region, industry_chain, chain_role, priority, version, created_at, updated_at
        FROM enterprises
        """;
}

/// <summary>What staff send to add an enterprise or to change one.</summary>
public sealed record EnterpriseRequest(
    string? Name, string? Uscc, string? HqRegion, string? IndustryChain, ChainRole? ChainRole,
    EnterprisePriority? Priority, int? Version = null)
{
    /// <summary>
    /// Field by field; the HQ region is chosen from the source regions' dictionary: a region's name or a place it holds
    /// (a province, city or country), so every enterprise counts under one source region.
    /// </summary>
    public ValidationErrors Validate(BureauDictionaries dictionaries)
    {
        var errors = new ValidationErrors()
            .RequireText("name", Name)
            .RequireText("hqRegion", HqRegion, 50)
            .RequireText("industryChain", IndustryChain, 50);
        var region = dictionaries.RegionOf(HqRegion);
        if (!string.IsNullOrWhiteSpace(HqRegion) && region is not { Active: true })
            errors.Add("hqRegion", $"'hqRegion' must be a source region of the bureau's dictionary or a place one holds, unlike {HqRegion.Trim()}.");
        if (ChainRole is null)
            errors.Add("chainRole", "'chainRole' is required: ChainLeader (链主) or Supplier (配套).");
        if (Uscc is not null && Platform.Identifiers.Uscc.Problem(Uscc) is { } problem)
            errors.Add("uscc", problem);
        else if (Uscc is null && HqRegion?.Trim() != Enterprise.Abroad && region?.Name != Enterprise.Abroad)
            errors.Add("uscc", "'uscc' is required for enterprises registered in China.");
        return errors;
    }
}
