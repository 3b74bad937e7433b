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
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .RequireText("name", Name)
            .RequireText("hqRegion", HqRegion, 50)
            .RequireText("industryChain", IndustryChain, 50);
        if (ChainRole is null)
            errors.Add("chainRole", "'chainRole' is required: ChainLeader (链主) or Supplier (配套).");
        if (Uscc is not null && Platform.Identifiers.Uscc.Problem(Uscc) is { } problem)
            errors.Add("uscc", problem);
        else if (Uscc is null && HqRegion?.Trim() != Enterprise.Abroad)
            errors.Add("uscc", "'uscc' is required for enterprises registered in China.");
        return errors;
    }
}
