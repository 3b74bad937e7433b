using System.Security.Claims;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Lead.Enterprises;

/// <summary>
/// The target list (重点目标企业清单) as a sheet: the columns a bureau's list has, read row by row into the same request
/// the form sends (so a row is refused for exactly what the form would refuse), and written back in the same columns,
/// so an exported list imports again.
/// </summary>
public static class EnterpriseSheet
{
    public const string Name = "企业名称";
    public const string Uscc = "统一社会信用代码";
    public const string HqRegion = "总部所在地";
    public const string IndustryChain = "产业链";
    public const string ChainRole = "链上角色";
    public const string Priority = "优先级";
    public const string CreatedAt = "登记时间";

    public static readonly string[] Required = [Name, Uscc, HqRegion, IndustryChain, ChainRole];

    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["name"] = Name, ["uscc"] = Uscc, ["hqRegion"] = HqRegion, ["industryChain"] = IndustryChain, ["chainRole"] = ChainRole,
        ["priority"] = Priority,
    };

    private static readonly Dictionary<string, Enterprises.ChainRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["链主"] = Enterprises.ChainRole.ChainLeader, ["配套"] = Enterprises.ChainRole.Supplier,
        [nameof(Enterprises.ChainRole.ChainLeader)] = Enterprises.ChainRole.ChainLeader,
        [nameof(Enterprises.ChainRole.Supplier)] = Enterprises.ChainRole.Supplier,
    };

    public static string RoleText(ChainRole role) => role == Enterprises.ChainRole.ChainLeader ? "链主" : "配套";

    /// <summary>The request a row makes, or why it cannot be one (each problem naming the row and column), checked as the form is.</summary>
    public static (EnterpriseRequest? Request, IReadOnlyList<RowProblem> Problems) Read(SheetRow row, BureauDictionaries dictionaries)
    {
        var problems = new List<RowProblem>();
        ChainRole? role = null;
        if (row.Text(ChainRole) is { } roleText)
        {
            if (Roles.TryGetValue(roleText, out var known))
                role = known;
            else
                problems.Add(new(row.Number, ChainRole, $"“{roleText}”不是链上角色：填 链主 或 配套。"));
        }

        EnterprisePriority? priority = null;
        if (row.Text(Priority) is { } priorityText)
        {
            if (Enum.TryParse<EnterprisePriority>(priorityText.TrimEnd('类'), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                priority = parsed;
            else
                problems.Add(new(row.Number, Priority, $"“{priorityText}”不是优先级：填 A、B 或 C。"));
        }

        var request = new EnterpriseRequest(row.Text(Name), row.Text(Uscc)?.ToUpperInvariant(), row.Text(HqRegion),
            row.Text(IndustryChain), role, priority);
        foreach (var (field, messages) in request.Validate(dictionaries).ToDictionary())
        {
            if (field == "chainRole" && problems.Any(p => p.Column == ChainRole))
                continue;
            problems.AddRange(messages.Select(m => new RowProblem(row.Number, ColumnOfField.GetValueOrDefault(field, field), m)));
        }

        return problems.Count == 0 ? (request, problems) : (null, problems);
    }

    /// <summary>The export's columns; the USCC masked for roles that do not work the list.</summary>
    public static IReadOnlyList<SheetColumn<Enterprise>> Columns(ClaimsPrincipal user) =>
    [
        new(Name, e => e.Name),
        new(Uscc, e => SensitiveData.For(user, e.Uscc)),
        new(HqRegion, e => e.HqRegion),
        new(IndustryChain, e => e.IndustryChain),
        new(ChainRole, e => RoleText(e.ChainRole)),
        new(Priority, e => e.Priority.ToString()),
        new(CreatedAt, e => e.CreatedAt),
    ];
}
