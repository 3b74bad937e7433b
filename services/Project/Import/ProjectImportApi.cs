using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Attachments;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Project.Import;

/// <summary>
/// 存量项目 from the bureau's 台账: the template and the import (all rows or none, unless asked for the good ones only),
/// read and written as the target list's import is, all projects in one transaction.
/// </summary>
public static class ProjectImportApi
{
    // Serialises imports, so two of them cannot both take an agreement number neither found on file.
    private static readonly Guid ImportLock = new("0190f1a0-0000-7000-8000-0000000001a1");

    public static IEndpointRouteBuilder MapProjectImportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects (项目)");
        api.MapPost("/import", ImportAsync).WithName("ImportProjects").AllowRoles(Roles.Bureau, Roles.District)
            .AcceptsWorkbook()
            .WithSummary($"Imports projects signed before (存量项目) from xlsx (field 'file', columns {string.Join("、", ProjectSheet.Columns)}), "
                + "each in its stage with its days, node plan and messages; district staff only their district's. Any refused row (422 "
                + "lists row, column and why) imports nothing, unless goodRowsOnly=true imports the others.");
        api.MapGet("/import-template", TemplateAsync).WithName("GetProjectImportTemplate").AllowRoles(Roles.Bureau, Roles.District)
            .ProducesXlsx()
            .WithSummary("The 存量项目 sheet the import reads: its columns and one example row.");
        return app;
    }

    internal static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        bool? goodRowsOnly, HttpRequest request, ClaimsPrincipal user, Database database, WorkCalendar calendar, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (workbook, refusal) = await SheetUpload.ReadAsync(request, cancellationToken);
        if (refusal is not null)
            return refusal;
        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        await work.LockRecordAsync(ImportLock);
        var reference = await ImportReferences.ReadAsync(work, clock);
        List<ImportedProject> accepted = [];
        List<RowProblem> problems;
        int rows;
        await using (workbook)
        {
            try
            {
                problems = [.. XlsxImport.MissingHeaders(workbook!.Content, ProjectSheet.Required)];
                if (problems.Count > 0)
                    return SheetUpload.MissingColumns(problems);
                var read = XlsxImport.Rows(workbook.Content).Select(row => ProjectSheet.Read(row, reference)).ToList();
                rows = read.Count;
                problems.AddRange(read.SelectMany(r => r.Problems));
                accepted.AddRange(read.Where(r => r.Project is not null).Select(r => r.Project!));
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException)
            {
                return SheetUpload.Unreadable(ex);
            }
        }

        problems.AddRange(await ImportReferences.TakenAgreementsAsync(work, accepted));
        if (problems.Count > 0 && goodRowsOnly != true)
            return SheetUpload.Refused(problems.OrderBy(p => p.Row).ToList(), rows);

        var refusedRows = problems.Select(p => p.Row).ToHashSet();
        var imported = 0;
        foreach (var project in accepted.Where(p => !refusedRows.Contains(p.Row)))
        {
            await ProjectImport.WriteAsync(work, project, calendar, clock);
            imported++;
        }

        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(new ImportReport(rows, imported, problems.OrderBy(p => p.Row).ToList()));
    }

    internal static Task<EmptyHttpResult> TemplateAsync(HttpResponse response, CancellationToken cancellationToken) =>
        XlsxExport.WriteAsync(response, [Example], ProjectSheet.Columns.Select(h => new SheetColumn<IReadOnlyDictionary<string, object?>>(
            h, row => row.GetValueOrDefault(h))).ToList(), "存量项目", "存量项目-导入模板.xlsx", cancellationToken);

    // A project that has started construction, so every column shows how it is filled in.
    private static readonly IReadOnlyDictionary<string, object?> Example = new Dictionary<string, object?>
    {
        [ProjectSheet.Name] = "年产10GWh动力电池项目", [ProjectSheet.Enterprise] = "云南示例新能源科技有限公司",
        [ProjectSheet.EnterpriseUscc] = "91530100MA6K0EXA04", [ProjectSheet.Industry] = "新能源电池", [ProjectSheet.District] = "官渡区",
        [ProjectSheet.Park] = "昆明经济技术开发区", [ProjectSheet.AgreementNo] = "KM-2024-001", [ProjectSheet.SignedOn] = "2024-03-15",
        [ProjectSheet.Investment] = 1_500_000_000.00m, [ProjectSheet.Stage] = "已开工", [ProjectSheet.Company] = "昆明示例电池有限公司",
        [ProjectSheet.CompanyUscc] = "91530111MA6N2C8B3X", [ProjectSheet.ParcelId] = "KJ2024-07", [ProjectSheet.AreaMu] = 320.5m,
        [ProjectSheet.LandContractDate] = "2024-06-20", [ProjectSheet.LandAcquiredOn] = "2024-07-01", [ProjectSheet.StartedOn] = "2024-09-10",
        [ProjectSheet.ProductionOn] = null, [ProjectSheet.Content] = "建设电芯、模组生产线及配套设施", [ProjectSheet.Location] = "经开区洛羊片区",
        [ProjectSheet.PlannedStart] = "2024-09-01", [ProjectSheet.PlannedFinish] = "2026-12-31",
    };
}
