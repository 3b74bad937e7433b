using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Lead.Intents;

/// <summary>The intent list (合作意向清单) as Excel: what the list shows, for the same filter and scope.</summary>
public static class IntentExportApi
{
    private static readonly Dictionary<IntentStatus, string> StatusNames = new()
    {
        [IntentStatus.New] = "新登记", [IntentStatus.Following] = "对接中", [IntentStatus.Qualified] = "研判通过",
        [IntentStatus.Converted] = "已转化", [IntentStatus.Dropped] = "已放弃",
    };

    private static readonly IReadOnlyList<SheetColumn<CooperationIntent>> Columns =
    [
        new("企业名称", i => i.EnterpriseName),
        new("行业", i => i.Industry),
        new("意向投资额(元)", i => i.IntendedInvestment),
        new("区县", i => i.District),
        new("首谈区县", i => i.FirstDistrict),
        new("状态", i => StatusNames[i.Status]),
        new("收到日期", i => i.ReceivedOn),
        new("首次响应", i => i.RespondedOn),
        new("研判日期", i => i.AssessedOn),
        new("最近对接", i => i.LastContactOn),
        new("包保领导", i => i.TaskTeam?.LeadOfficial),
        new("专班", i => i.TaskTeam?.Department),
        new("放弃原因", i => i.DropReason),
    ];

    public static IEndpointRouteBuilder MapIntentExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/intents/export", ExportAsync).WithTags("Cooperation intents (合作意向)").WithName("ExportIntents")
            .AllowRoles(IntentsApi.Readers).ProducesXlsx()
            .WithSummary("The intents the filter finds (district staff: their own and those transferred away), as xlsx.");
        return app;
    }

    internal static async Task<EmptyHttpResult> ExportAsync(
        [AsParameters] IntentFilter filter, ClaimsPrincipal user, Database database, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Newest received first off cooperation_intents_received (migration 0009), a batch at a time (ExportCursor).
        var intents = connection.QueryByCursor<IntentRow>(
            $"SELECT {IntentRow.Columns} FROM {IntentRow.From}\n{IntentFilter.Where}\nORDER BY i.received_on DESC, i.id DESC",
            filter.Arguments(Actor.From(user))).Select(r => r.ToIntent());
        return await XlsxExport.WriteAsync(response, intents, Columns, "合作意向清单", "合作意向清单.xlsx", cancellationToken);
    }
}
