using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Project.Statistics;

public static class MeetingWorkbookApi
{
    public static RouteGroupBuilder MapMeetingWorkbookApi(this RouteGroupBuilder api)
    {
        api.MapGet("/meeting-workbook", GetMeetingWorkbookAsync).WithName("GetMeetingWorkbook").AllowRoles(StatisticsApi.Readers)
            .WithSummary("The quarter's 招商引资调度会 workbook (.xlsx): 总览, 签约, 开工, 到位资金, 利用外资 by district, against last year and targets.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.MediaType);
        return api;
    }

    internal static async Task<Results<EmptyHttpResult, ValidationProblem>> GetMeetingWorkbookAsync(
        int? year, int? quarter, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (quarter is null)
            errors.Add("quarter", "'quarter' is required (1 to 4).");
        var (scope, problems) = StatisticsScope.Check(
            new StatisticsQuery(year, quarter, null, null, null, null, null, null, null, null), Actor.From(user), dictionaries);
        if (scope is null || !errors.IsValid)
        {
            foreach (var (field, messages) in problems.ToDictionary())
                foreach (var message in messages)
                    errors.Add(field, message);
            return errors.ToProblem();
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var tallies = (await StatisticsStore.ReadAsync(connection, scope, StatisticsCalculator.Windows(scope.Period, null))).Tallies;
        var targets = await StatisticsStore.ReadTargetsAsync(connection, scope.Period.Year, scope.Filter.District);
        var sheets = MeetingWorkbook.Build(scope.Filter.District, tallies, targets);
        return await XlsxExport.WriteWorkbookAsync(response, sheets, $"调度会-{year}Q{quarter}.xlsx", cancellationToken);
    }
}
