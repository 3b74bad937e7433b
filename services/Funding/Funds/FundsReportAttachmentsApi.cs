using Dapper;
using Npgsql;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Funds;

/// <summary>Evidence of funds in place (bank statements, capital verification reports), in the report's audit trail.</summary>
public static class FundsReportAttachmentsApi
{
    public static IEndpointRouteBuilder MapFundsReportAttachmentsApi(this IEndpointRouteBuilder app) =>
        app.MapAttachments("/api/funds-reports/{reportId:guid}", "FundsReport", "funds report", "Funds in place (到位资金)",
            FindReportAsync, FundsApi.Readers, FundsApi.Reporters);

    private sealed record ReportScope(Guid Id, string District, string Park, Guid? ParkId);

    private static async Task<AttachableRecord?> FindReportAsync(NpgsqlConnection connection, RouteValueDictionary route)
    {
        var report = await connection.QuerySingleOrDefaultAsync<ReportScope>(
            $"""
            SELECT r.id, l.district, {LedgerFacts.CurrentPark} AS park, l.park_id
            FROM funds_reports r JOIN funding_ledgers l ON l.project_id = r.project_id
            WHERE r.id = @reportId
            """,
            new { reportId = route.Id("reportId") });
        return report is null ? null : new AttachableRecord(report.Id, new RecordScope(report.District, report.Park, report.ParkId), "FundsReport", report.Id);
    }
}
