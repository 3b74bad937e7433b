using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Performance;

/// <summary>The province generator's rows are rows the services could have written: their read endpoints answer them, counts match.</summary>
[Collection(SystemCollection.Name)]
public class ProvinceDataTests(SystemFixture system)
{
    [Fact]
    public async Task A_small_province_reads_back_through_the_lists_records_and_statistics_of_every_service()
    {
        var province = await SmallProvince.LoadedAsync();
        var bureau = new Journey(system);
        foreach (var district in SmallProvince.Districts)
        {
            var d = Uri.EscapeDataString(district);
            var projects = province.ProjectsIn(district).ToList();
            Assert.Equal(projects.Count, Total(await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects?district={d}")));
            Assert.Equal(province.Plan.Intents.Count(i => i.District == district),
                Total(await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents?district={d}")));
            var kpis = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/kpis?district={d}");
            Assert.Equal(projects.Count, kpis.GetProperty("projects").GetInt32());
            Assert.Equal(projects.Count(p => p.IsSigned), kpis.GetProperty("signed").GetInt32());
            var funds = await bureau.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get, $"/api/stats/funds?district={d}");
            Assert.Equal(province.Funds.Reports.Count(r => r.Project.Intent.District == district && r.Status == "Verified"), funds.GetProperty("reports").GetInt32());
            await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/statistics?year=2025&district={d}&groupBy=Industry");
            await bureau.ExpectAsync(HttpStatusCode.OK, system.Notification, HttpMethod.Get, $"/api/warnings?district={d}");
            await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/overdue?district={d}");
            await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/node-warnings?district={d}");
        }

        // One project of each state the generator made, read record by record in every service.
        foreach (var project in province.Plan.Projects.GroupBy(p => p.State).Select(g => g.First()))
        {
            var view = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{project.Id}");
            Assert.Equal(project.State, view.GetProperty("state").GetString());
            var timeline = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{project.Id}/timeline");
            Assert.Equal(1 + project.StageIndex + (project.StoppedOn is null ? 0 : 1), timeline.GetArrayLength());
            var intent = await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/{project.Intent.Id}/follow-ups");
            Assert.Equal(project.Intent.Contacts.Count, intent.GetArrayLength());
            if (!project.IsSigned)
                continue;
            await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{project.Id}/nodes");
            var approval = await bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Get, $"/api/projects/{project.Id}/approval-case");
            Assert.Equal(9, approval.GetProperty("items").GetArrayLength());
            await bureau.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get, $"/api/projects/{project.Id}/ledger");
            var reports = await bureau.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get, $"/api/projects/{project.Id}/funds-reports");
            Assert.Equal(province.Funds.Reports.Count(r => r.Project == project), reports.GetArrayLength());
        }

        var enterprise = province.Plan.Enterprises[^1];
        var read = await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/enterprises/{enterprise.Id}");
        Assert.Equal(enterprise.Name, read.GetProperty("name").GetString());
        foreach (var export in new[] { (system.Project, $"/api/projects/export?district={Uri.EscapeDataString(SmallProvince.Districts[0])}"),
                     (system.Lead, "/api/intents/export?status=Following"), (system.Notification, "/api/warnings/export") })
        {
            using var response = await bureau.SendAsync(export.Item1, HttpMethod.Get, export.Item2);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    internal static long Total(JsonElement page) => page.GetProperty("total").GetInt64();
}
