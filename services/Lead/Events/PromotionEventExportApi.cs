using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Paging;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;
using static Zhaoshang.Lead.Events.PromotionEventsApi;

namespace Zhaoshang.Lead.Events;

/// <summary>The event list (招商活动台账) as Excel: what the list shows, for the same filter and order.</summary>
public static class PromotionEventExportApi
{
    private static readonly Dictionary<PromotionEventType, string> TypeNames = new()
    {
        [PromotionEventType.OutboundTrip] = "外出招商", [PromotionEventType.Conference] = "推介会",
        [PromotionEventType.InspectionVisit] = "考察", [PromotionEventType.Forum] = "论坛",
    };

    private static readonly IReadOnlyList<SheetColumn<PromotionEvent>> Columns =
    [
        new("活动名称", e => e.Title),
        new("活动类型", e => TypeNames[e.Type]),
        new("目标区域", e => e.Region),
        new("开始日期", e => e.StartsOn),
        new("结束日期", e => e.EndsOn),
        new("带队领导", e => e.Leader),
        new("重大活动", e => e.Major ? "是" : "否"),
        new("活动成效", e => e.Summary),
    ];

    public static IEndpointRouteBuilder MapPromotionEventExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/export", ExportAsync).WithTags("Promotion events (招商活动)").WithName("ExportEvents")
            .AllowRoles(Roles.Staff).ProducesXlsx()
            .WithSummary("The events the filter finds, in the list's order, as xlsx.");
        return app;
    }

    internal static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportAsync(
        [AsParameters] EventFilter filter, Database database, HttpResponse response, CancellationToken cancellationToken)
    {
        var page = new PageQuery(filter.Page, filter.PageSize, filter.Sort);
        var errors = filter.Validate(page);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        // Unbuffered: rows go to the workbook as they are read.
        var events = connection.Query<PromotionEvent>($"{Select}\n{EventFilter.Where}\n{EventFilter.OrderBy}", filter.Arguments(page), buffered: false);
        return await XlsxExport.WriteAsync(response, events, Columns, "招商活动台账", "招商活动台账.xlsx", cancellationToken);
    }
}
