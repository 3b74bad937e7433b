using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;
using static Zhaoshang.Approval.Cases.ApprovalCasesApi;
using static Zhaoshang.Approval.Cases.OverdueItemsApi;

namespace Zhaoshang.Approval.Cases;

/// <summary>The overdue approval items (超期审批事项) as Excel: what the list shows on asOf, in the caller's scope.</summary>
public static class OverdueItemsExportApi
{
    private static readonly Dictionary<ApprovalItemStatus, string> StatusNames = new()
    {
        [ApprovalItemStatus.Open] = "审查中", [ApprovalItemStatus.AcceptedWithDeficiency] = "容缺受理", [ApprovalItemStatus.Suspended] = "中止（待补材料）",
    };

    private static readonly Dictionary<ApprovalStage, string> StageNames = new()
    {
        [ApprovalStage.ProjectAndLandPlanning] = "立项用地规划许可", [ApprovalStage.EngineeringPermit] = "工程建设许可",
        [ApprovalStage.ConstructionPermit] = "施工许可", [ApprovalStage.CompletionAcceptance] = "竣工验收",
    };

    private static readonly IReadOnlyList<SheetColumn<OverdueItem>> Columns =
    [
        new("审批事项", o => o.Item.Name),
        new("阶段", o => StageNames[o.Item.Stage]),
        new("状态", o => StatusNames.GetValueOrDefault(o.Item.Status, o.Item.Status.ToString())),
        new("区县", o => o.District),
        new("园区", o => o.Park),
        new("办结时限", o => o.Item.DueOn),
        new("超期工作日", o => o.WorkingDaysLate),
        new("项目编号", o => o.ProjectId.ToString()),
    ];

    public static IEndpointRouteBuilder MapOverdueItemsExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/approval-items/overdue/export", ExportAsync).WithTags("Approval cases (审批)").WithName("ExportOverdueApprovalItems")
            .AllowRoles(Readers).ProducesXlsx()
            .WithSummary("The items overdue on asOf (default today) that the caller may see, as xlsx.");
        return app;
    }

    internal static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportAsync(
        DateOnly? asOf, ClaimsPrincipal user, Database database, WorkCalendar calendar, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        if (new ValidationErrors().CheckDate("asOf", asOf) is { IsValid: false } errors)
            return errors.ToProblem();
        var day = asOf ?? clock.TodayInChina();
        await using var connection = await database.OpenAsync(cancellationToken);
        // Unbuffered: rows go to the workbook as they are read.
        return await XlsxExport.WriteAsync(response, OverdueItemsApi.All(connection, day, Actor.From(user), calendar), Columns,
            "超期审批事项", $"超期审批事项-{day:yyyy-MM-dd}.xlsx", cancellationToken);
    }
}
