using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Project.Lifecycle;

/// <summary>The project list (项目清单) as Excel: what the list shows, for the same filter and scope.</summary>
public static class ProjectExportApi
{
    /// <summary>The states as staff name them; the 存量项目 import reads its 当前阶段 by the same names.</summary>
    internal static readonly Dictionary<ProjectState, string> StateNames = new()
    {
        [ProjectState.Negotiating] = "在谈", [ProjectState.Signed] = "已签约", [ProjectState.Registered] = "已注册落地",
        [ProjectState.LandAcquired] = "已拿地", [ProjectState.UnderConstruction] = "已开工", [ProjectState.InProduction] = "已投产",
        [ProjectState.Stalled] = "停滞", [ProjectState.Terminated] = "终止",
    };

    public static IEndpointRouteBuilder MapProjectExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projects/export", ExportAsync).WithTags("Projects (项目)").WithName("ExportProjects").AllowRoles(Roles.Staff)
            .ProducesXlsx()
            .WithSummary("The projects the filter finds (district and park staff: their own), as xlsx; USCCs masked for park and finance staff.");
        return app;
    }

    internal static async Task<EmptyHttpResult> ExportAsync(
        [AsParameters] ProjectFilter filter, ClaimsPrincipal user, Database database, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Rows go to the workbook as they are read, off the index in this order (for a district or a state, theirs).
        var projects = connection.QueryByCursor<ProjectRow>(
            ProjectRow.Select + "\n" + ProjectFilter.Where + "\nORDER BY signed_on DESC NULLS LAST, created_at, id",
            filter.Arguments(Actor.From(user))).Select(r => r.ToView());
        return await XlsxExport.WriteAsync(response, projects, Columns(user), "项目清单", "项目清单.xlsx", cancellationToken);
    }

    internal static IReadOnlyList<SheetColumn<ProjectView>> Columns(ClaimsPrincipal user) =>
    [
        new("项目名称", p => p.MasterData.Name ?? p.EnterpriseName),
        new("投资企业", p => p.EnterpriseName),
        new("企业统一社会信用代码", p => SensitiveData.For(user, p.EnterpriseUscc)),
        new("项目公司", p => p.CompanyName),
        new("项目公司统一社会信用代码", p => SensitiveData.For(user, p.CompanyUscc)),
        new("行业", p => p.Industry),
        new("区县", p => p.District),
        new("首谈区县", p => p.FirstDistrict),
        new("园区", p => p.Park),
        new("状态", p => StateNames[p.State]),
        new("协议编号", p => p.AgreementNo),
        new("签约日期", p => p.SignedOn),
        new("协议投资额(元)", p => p.ContractedInvestment),
        new("到位资金(元)", p => p.VerifiedFundsCny),
        new("拿地日期", p => p.Land?.AcquiredOn),
        new("开工日期", p => p.ConstructionStartedOn),
        new("投产日期", p => p.ProductionStartedOn),
        new("建设内容", p => p.MasterData.ConstructionContent),
        new("建设地点", p => p.MasterData.Location),
        new("计划开工", p => p.MasterData.PlannedStartOn),
        new("计划竣工", p => p.MasterData.PlannedFinishOn),
    ];
}
