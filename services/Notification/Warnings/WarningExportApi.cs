using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;
using Zhaoshang.Platform.Warnings;
using static Zhaoshang.Notification.Warnings.WarningsApi;

namespace Zhaoshang.Notification.Warnings;

/// <summary>The warning list (预警清单) as Excel: what the list shows on asOf, for the same filter and scope.</summary>
public static class WarningExportApi
{
    private static readonly Dictionary<string, string> GradeNames = new()
    {
        [WarningGrades.Yellow] = "黄", [WarningGrades.Red] = "红", [WarningGrades.Leader] = "升级 包保领导", [WarningGrades.Bureau] = "升级 局",
    };

    private static readonly Dictionary<string, string> SourceNames = new() { ["node"] = "项目节点", ["intent"] = "合作意向", ["approval-item"] = "审批事项" };

    private static readonly IReadOnlyList<SheetColumn<Warning>> Columns =
    [
        new("等级", w => GradeNames.GetValueOrDefault(w.Grade, w.Grade)),
        new("事项", w => w.Title),
        new("来源", w => SourceNames.GetValueOrDefault(w.Source, w.Source)),
        new("期限", w => w.DueOn),
        // As the list says it: working days left while yellow, late from red on.
        new("工作日", w => w.Grade == WarningGrades.Yellow ? $"剩 {w.WorkingDays} 个" : $"逾期 {w.WorkingDays} 个"),
        new("区县", w => w.District),
        new("园区", w => w.Park),
        new("责任人", w => string.Join("、", w.Recipients)),
        new("达到该等级日期", w => w.GradedOn),
    ];

    public static IEndpointRouteBuilder MapWarningExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/warnings/export", ExportAsync).WithTags("Warnings (预警)").WithName("ExportWarnings")
            .AllowRoles(Roles.Staff).ProducesXlsx()
            .WithSummary("The warnings open on asOf (default today) that the filter finds, most severe first, as xlsx.");
        return app;
    }

    internal static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportAsync(
        DateOnly? asOf, string? district, string? park, string? person, string? grade, string? source,
        ClaimsPrincipal user, Database database, WarningRule rule, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = CheckFilter(new ValidationErrors(), asOf, grade);
        if (!errors.IsValid)
            return errors.ToProblem();
        var (day, open) = Open(asOf, clock);
        var days = new WorkingDaysOn(day, rule);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Rows go to the workbook as they are read, off the open warnings' index in the list's order.
        var warnings = connection.QueryByCursor<Row>(
            $"{open}\n{OpenWarnings.Listed}", Scoped(Actor.From(user), day, district, park, person, grade, source, new { }))
            .Select(r => r.On(days));
        return await XlsxExport.WriteAsync(response, warnings, Columns, "预警清单", $"预警清单-{day:yyyy-MM-dd}.xlsx", cancellationToken);
    }
}
