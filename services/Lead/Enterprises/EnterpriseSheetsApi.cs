using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Lead.Enterprises;

/// <summary>The target list in and out of Excel: import (all rows or none, unless asked), its template, and the export.</summary>
public static class EnterpriseSheetsApi
{
    public static IEndpointRouteBuilder MapEnterpriseSheetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Target enterprises (重点目标企业)");
        api.MapPost("/import", ImportAsync).WithName("ImportEnterprises").AllowRoles(Roles.Bureau, Roles.District)
            .AcceptsWorkbook()
            .WithSummary($"Imports a target list (xlsx, field 'file', columns {string.Join("、", EnterpriseSheet.Required)}、{EnterpriseSheet.Priority}): "
                + "any refused row (422 lists row, column and why) imports nothing, unless goodRowsOnly=true imports the others.");
        api.MapGet("/import-template", TemplateAsync).WithName("GetEnterpriseImportTemplate").AllowRoles(Roles.Bureau, Roles.District)
            .ProducesXlsx()
            .WithSummary("An empty target list with the columns the import reads.");
        api.MapGet("/export", ExportAsync).WithName("ExportEnterprises").AllowRoles(Roles.Staff)
            .ProducesXlsx()
            .WithSummary("The list as the filter finds it, as xlsx in the import's columns; the USCC masked for park and finance staff.");
        return app;
    }

    internal static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        bool? goodRowsOnly, HttpRequest request, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (workbook, refusal) = await SheetUpload.ReadAsync(request, cancellationToken);
        if (refusal is not null)
            return refusal;
        List<(int Row, EnterpriseRequest Request)> accepted = [];
        List<RowProblem> problems;
        int rows;
        await using (workbook)
        {
            try
            {
                problems = [.. XlsxImport.MissingHeaders(workbook!.Content, EnterpriseSheet.Required)];
                if (problems.Count > 0)
                    return SheetUpload.MissingColumns(problems);
                var read = XlsxImport.Rows(workbook.Content).Select(row => (row.Number, Result: EnterpriseSheet.Read(row, dictionaries))).ToList();
                rows = read.Count;
                problems.AddRange(read.SelectMany(r => r.Result.Problems));
                accepted.AddRange(read.Where(r => r.Result.Request is not null).Select(r => (r.Number, r.Result.Request!)));
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException)
            {
                return SheetUpload.Unreadable(ex);
            }
        }

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        problems.AddRange(await DuplicatesAsync(work, accepted));
        if (problems.Count > 0 && goodRowsOnly != true)
            return SheetUpload.Refused(problems.OrderBy(p => p.Row).ToList(), rows);

        var refusedRows = problems.Select(p => p.Row).ToHashSet();
        var now = clock.GetUtcNow();
        var imported = 0;
        foreach (var (_, row) in accepted.Where(a => !refusedRows.Contains(a.Row)))
        {
            var enterprise = new Enterprise(Guid.CreateVersion7(), row.Name!.Trim(), row.Uscc, row.HqRegion!.Trim(),
                row.IndustryChain!.Trim(), row.ChainRole!.Value, row.Priority ?? EnterprisePriority.B, 1, now, now);
            try
            {
                await work.ExecuteAsync(EnterprisesApi.Insert, EnterprisesApi.Parameters(enterprise));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return Problems.Conflict("Duplicate enterprise.",
                    $"An enterprise with USCC {row.Uscc} was added meanwhile; nothing was imported. Import the file again.");
            }

            await work.AuditAsync("Enterprise", enterprise.Id, "imported", null, enterprise);
            imported++;
        }

        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(new ImportReport(rows, imported, problems.OrderBy(p => p.Row).ToList()));
    }

    // A USCC twice in the file, or already on the list: the list holds each enterprise once.
    private static async Task<IEnumerable<RowProblem>> DuplicatesAsync(UnitOfWork work, IReadOnlyList<(int Row, EnterpriseRequest Request)> rows)
    {
        var withUscc = rows.Where(r => r.Request.Uscc is not null).ToList();
        var listed = (await work.QueryAsync<string>("SELECT trim(uscc) FROM enterprises WHERE uscc = ANY(@usccs)",
            new { usccs = withUscc.Select(r => r.Request.Uscc!).ToArray() })).ToHashSet();
        var firstRow = new Dictionary<string, int>();
        var problems = new List<RowProblem>();
        foreach (var (row, request) in withUscc)
        {
            if (listed.Contains(request.Uscc!))
                problems.Add(new(row, EnterpriseSheet.Uscc, $"{request.Uscc} 已在重点目标企业清单中。"));
            else if (!firstRow.TryAdd(request.Uscc!, row))
                problems.Add(new(row, EnterpriseSheet.Uscc, $"{request.Uscc} 与第{firstRow[request.Uscc!]}行重复。"));
        }

        return problems;
    }

    internal static Task<EmptyHttpResult> TemplateAsync(ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken) =>
        XlsxExport.WriteAsync(response, [], EnterpriseSheet.Columns(user).Where(c => c.Header != EnterpriseSheet.CreatedAt).ToList(),
            "重点目标企业清单", "重点目标企业清单-导入模板.xlsx", cancellationToken);

    internal static async Task<EmptyHttpResult> ExportAsync(
        [AsParameters] EnterpriseFilter filter, ClaimsPrincipal user, Database database, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A batch at a time (ExportCursor): an industry chain's off enterprises_chain_priority (migration 0011) in this order.
        var enterprises = connection.QueryByCursor<Enterprise>(
            Enterprise.Select + "\n" + EnterpriseFilter.Where + "\nORDER BY priority, name, id", filter.Arguments());
        return await XlsxExport.WriteAsync(response, enterprises, EnterpriseSheet.Columns(user), "重点目标企业清单", "重点目标企业清单.xlsx", cancellationToken);
    }
}
