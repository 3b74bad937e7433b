using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Warnings;
using Zhaoshang.ProvinceData;

namespace Zhaoshang.IntegrationTests.Performance;

/// <summary>
/// The reads made fast for a province's size, on the small province: the overdue intents paged in SQL, the approval
/// overdue list scoped in SQL, the CSV exports written as they are read — same answers as before, scope still enforced.
/// </summary>
[Collection(SystemCollection.Name)]
public class ProvinceReadsTests(SystemFixture system)
{
    [Fact]
    public async Task The_overdue_intents_page_in_order_across_pages_as_the_service_levels_count_them_and_within_the_district()
    {
        var province = await SmallProvince.LoadedAsync();
        var (own, other) = (SmallProvince.Districts[0], SmallProvince.Districts[1]);
        var officer = new Journey(system, Tokens.For("district", own));
        var asOf = Journey.Today;
        var expected = await ExpectedOverdueAsync(province, own, asOf);
        Assert.NotEmpty(expected);

        var whole = await officer.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/overdue?asOf={asOf:yyyy-MM-dd}&pageSize=200");
        Assert.Equal(expected.Count, ProvinceDataTests.Total(whole));
        var items = whole.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.Id).Order(), items.Select(IntentId).Order());
        // Most working days late first, then the oldest received: the same sequence of (late, received) as the rules give.
        Assert.Equal(expected.Select(e => (e.Late, e.ReceivedOn)), items.Select(i => (MostLate(i), DateOnly.Parse(i.GetProperty("intent").GetProperty("receivedOn").GetString()!))));
        Assert.All(items, i => Assert.Equal(own, i.GetProperty("intent").GetProperty("district").GetString()));

        var paged = new List<Guid>();
        for (var page = 1; page <= (expected.Count + 2) / 3; page++)
        {
            var one = await officer.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/overdue?asOf={asOf:yyyy-MM-dd}&page={page}&pageSize=3");
            Assert.Equal(expected.Count, ProvinceDataTests.Total(one));
            paged.AddRange(one.GetProperty("items").EnumerateArray().Select(IntentId));
        }

        Assert.Equal(items.Select(IntentId), paged);
        // Another district's overdue intents never reach this officer, even asked for by name; the bureau sees them.
        var asked = await officer.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/overdue?district={Uri.EscapeDataString(other)}&pageSize=200");
        Assert.Empty(asked.GetProperty("items").EnumerateArray());
        var bureau = await new Journey(system).ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get,
            $"/api/intents/overdue?asOf={asOf:yyyy-MM-dd}&district={Uri.EscapeDataString(other)}&pageSize=200");
        Assert.Equal((await ExpectedOverdueAsync(province, other, asOf)).Count, ProvinceDataTests.Total(bureau));
        var responses = await officer.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/intents/overdue?asOf={asOf:yyyy-MM-dd}&kind=Assessment&pageSize=200");
        Assert.All(responses.GetProperty("items").EnumerateArray(), i => Assert.All(i.GetProperty("breaches").EnumerateArray(),
            b => Assert.Equal("Assessment", b.GetProperty("kind").GetString())));
    }

    [Fact]
    public async Task The_intent_and_enterprise_lists_page_their_whole_filtered_list_in_order_and_count_it()
    {
        var province = await SmallProvince.LoadedAsync();
        var district = SmallProvince.Districts[0];
        var officer = new Journey(system, Tokens.For("district", district));
        var intents = await PagesAsync(officer, "/api/intents?", 7);
        Assert.Equal(province.Plan.Intents.Where(i => i.District == district).Select(i => i.Id).Order(), intents.Select(Id).Order());
        Assert.Equal(intents.Select(CreatedAt).Order(), intents.Select(CreatedAt));
        var following = await PagesAsync(officer, "/api/intents?status=Following&", 3);
        Assert.Equal(intents.Where(i => i.GetProperty("status").GetString() == "Following").Select(Id), following.Select(Id));

        // The name filter finds its part of a name literally (a wildcard is a character like any other), newest first.
        var bureau = new Journey(system);
        var named = await PagesAsync(bureau, $"/api/enterprises?name={Uri.EscapeDataString("春城")}&sort=-createdAt&", 7);
        Assert.True(named.Count >= province.Plan.Enterprises.Count(e => e.Name.Contains("春城")));
        Assert.All(named, e => Assert.Contains("春城", e.GetProperty("name").GetString()));
        Assert.Equal(named.Select(CreatedAt).OrderDescending(), named.Select(CreatedAt));
        var wildcard = await bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/enterprises?name={Uri.EscapeDataString("春%城")}");
        Assert.Equal(0, ProvinceDataTests.Total(wildcard));
    }

    /// <summary>Every page of a list of pageSize items, checked to add up to the list's total.</summary>
    private async Task<List<JsonElement>> PagesAsync(Journey journey, string path, int pageSize)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var one = await journey.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"{path}page={page}&pageSize={pageSize}");
            var count = one.GetProperty("items").GetArrayLength();
            items.AddRange(one.GetProperty("items").EnumerateArray());
            if (count < pageSize)
            {
                Assert.Equal(ProvinceDataTests.Total(one), items.Count);
                return items;
            }
        }
    }

    private static Guid Id(JsonElement item) => item.GetProperty("id").GetGuid();

    private static DateTimeOffset CreatedAt(JsonElement item) => item.GetProperty("createdAt").GetDateTimeOffset();

    [Fact]
    public async Task The_overdue_approval_items_of_another_district_or_park_never_reach_its_staff()
    {
        var province = await SmallProvince.LoadedAsync();
        var bureau = await AllOverdueItemsAsync(new Journey(system));
        foreach (var district in SmallProvince.Districts)
        {
            var own = await AllOverdueItemsAsync(new Journey(system, Tokens.For("district", district)));
            Assert.NotEmpty(own);
            Assert.All(own, i => Assert.Equal(district, i.GetProperty("district").GetString()));
            Assert.Equal(bureau.Where(i => i.GetProperty("district").GetString() == district).Select(ItemId).Order(), own.Select(ItemId).Order());
        }

        var park = province.Plan.Parks.First(p => p.District == SmallProvince.Districts[0]);
        var parkStaff = await AllOverdueItemsAsync(new Journey(system, Tokens.For("park", park: park.Name)));
        Assert.All(parkStaff, i => Assert.Equal(park.Name, i.GetProperty("park").GetString()));
        Assert.Equal(bureau.Where(i => i.GetProperty("park").GetString() == park.Name).Select(ItemId).Order(), parkStaff.Select(ItemId).Order());
    }

    [Fact]
    public async Task The_node_warnings_page_in_planned_order_for_each_grade_as_the_rule_grades_them_and_within_the_district()
    {
        await SmallProvince.LoadedAsync();
        var (own, other) = (SmallProvince.Districts[0], SmallProvince.Districts[1]);
        var officer = new Journey(system, Tokens.For("district", own));
        var asOf = Journey.Today;
        var expected = await ExpectedNodeWarningsAsync(own, asOf);
        Assert.NotEmpty(expected);
        Assert.True(expected.Select(e => e.Grade).Distinct().Count() > 1, "the small province has nodes of more than one grade");

        foreach (var grade in WarningGrades.All.Append(null))
        {
            var wanted = expected.Where(e => grade is null || e.Grade == grade).ToList();
            var paged = new List<(Guid, string)>();
            for (var page = 1; page <= (wanted.Count + 6) / 7 + 1; page++)
            {
                var one = await officer.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
                    $"/api/node-warnings?asOf={asOf:yyyy-MM-dd}&page={page}&pageSize=7{(grade is null ? "" : $"&grade={grade}")}");
                Assert.Equal(wanted.Count, ProvinceDataTests.Total(one));
                paged.AddRange(one.GetProperty("items").EnumerateArray().Select(i => (
                    i.GetProperty("node").GetProperty("id").GetGuid(), i.GetProperty("node").GetProperty("grade").GetString()!)));
            }

            Assert.Equal(wanted.Select(e => (e.Id, e.Grade)), paged);
        }

        // Another district's nodes never reach this officer, even asked for by name; the bureau sees them.
        var asked = await officer.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            $"/api/node-warnings?asOf={asOf:yyyy-MM-dd}&district={Uri.EscapeDataString(other)}");
        Assert.Equal(0, ProvinceDataTests.Total(asked));
        var bureau = await new Journey(system).ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            $"/api/node-warnings?asOf={asOf:yyyy-MM-dd}&district={Uri.EscapeDataString(other)}&pageSize=200");
        Assert.Equal((await ExpectedNodeWarningsAsync(other, asOf)).Select(e => e.Id),
            bureau.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("node").GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task The_csv_exports_hold_every_row_of_the_filter_with_their_headings_and_byte_order_mark()
    {
        var province = await SmallProvince.LoadedAsync();
        var district = SmallProvince.Districts[0];
        var verified = province.Funds.Reports.Where(r => r.Project.Intent.District == district && r.Status == "Verified").ToList();
        var all = await CsvAsync(system.Funding, $"/api/stats/funds.csv?district={Uri.EscapeDataString(district)}");
        Assert.StartsWith("到位日期,季度,区县", all[0]);
        Assert.Equal(verified.Select(r => r.Project.Id.ToString()).Order(), all.Skip(1).Select(l => l.Split(',')[^1]).Order());
        var quarter = await CsvAsync(system.Funding, $"/api/stats/funds.csv?district={Uri.EscapeDataString(district)}&year=2025&quarter=2");
        Assert.Equal(verified.Count(r => r.ReportedOn.Year == 2025 && r.ReportedOn.Month is >= 4 and <= 6), quarter.Count - 1);

        var payments = await CsvAsync(system.Funding, "/api/incentive-payments.csv");
        Assert.StartsWith("支付时间,区县", payments[0]);
        var keys = payments.Skip(1).Select(l => l.Split(',')[^1]).ToHashSet();
        var approved = province.Funds.Claims.Where(c => c.Approved && c.Project.State != "Terminated").ToList();
        Assert.NotEmpty(approved);
        Assert.All(approved, c => Assert.Contains($"province-{c.Id:N}", keys));
        var year = approved[0].RaisedOn.AddDays(20).Year;
        var ofYear = await CsvAsync(system.Funding, $"/api/incentive-payments.csv?year={year}");
        Assert.All(ofYear.Skip(1), l => Assert.StartsWith($"{year}-", l));
        Assert.Contains(ofYear, l => l.EndsWith($"province-{approved[0].Id:N}", StringComparison.Ordinal));
    }

    private async Task<List<string>> CsvAsync(ServiceProcess service, string path)
    {
        using var response = await new Journey(system).SendAsync(service, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>The service levels counted one intent at a time on the service's own working calendar, as before they were paged in SQL.</summary>
    private async Task<List<(Guid Id, int Late, DateOnly ReceivedOn)>> ExpectedOverdueAsync(LoadResult province, string district, DateOnly asOf)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString("Lead"));
        var years = await connection.QueryAsync<(DateOnly[] Holidays, DateOnly[] WorkingWeekendDays)>("SELECT holidays, working_weekend_days FROM working_calendar_years");
        var calendar = new WorkCalendar(years.SelectMany(y => y.Holidays), years.SelectMany(y => y.WorkingWeekendDays));
        int Late(DateOnly from, int days) => calendar.AddWorkingDays(from, days) is var due && asOf > due ? calendar.WorkingDaysBetween(due, asOf) : 0;
        return province.Plan.Intents
            .Where(i => i.District == district && i.Status is "New" or "Following" or "Qualified")
            .Select(i => (i.Id, Late: new[]
            {
                i.RespondedOn is null ? Late(i.ReceivedOn, 1) : 0,
                i.AssessedOn is null ? Late(i.ReceivedOn, i.Investment >= 500_000_000m ? 7 : 3) : 0,
                i.Status is "Following" or "Qualified" ? Late(i.LastContactOn ?? i.ReceivedOn, 14) : 0,
            }.Max(), i.ReceivedOn))
            .Where(i => i.Late > 0)
            .OrderByDescending(i => i.Late).ThenBy(i => i.ReceivedOn)
            .ToList();
    }

    /// <summary>
    /// The district's nodes open on <paramref name="asOf"/> of projects not terminated, each graded by the rule on the service's
    /// working calendar (default limits), as the list graded them one by one before it filtered and paged in SQL.
    /// </summary>
    private static async Task<List<(Guid Id, string Grade)>> ExpectedNodeWarningsAsync(string district, DateOnly asOf)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString("Project"));
        var years = await connection.QueryAsync<(DateOnly[] Holidays, DateOnly[] WorkingWeekendDays)>("SELECT holidays, working_weekend_days FROM working_calendar_years");
        var rule = new WarningRule(new WarningOptions(),
            new WorkCalendar(years.SelectMany(y => y.Holidays), years.SelectMany(y => y.WorkingWeekendDays)));
        var open = await connection.QueryAsync<(Guid Id, string PlannedOn)>(
            """
            SELECT n.id, n.planned_on::text FROM project_nodes n JOIN projects p ON p.id = n.project_id
            WHERE p.district = @district AND p.state <> 'Terminated' AND (n.completed_on IS NULL OR n.completed_on > @day::date)
            ORDER BY n.planned_on, n.project_id, n.position
            """, new { district, day = asOf.ToDateTime(TimeOnly.MinValue) });
        return open.Select(n => (n.Id, Grade: rule.On(DateOnly.Parse(n.PlannedOn), asOf).Grade)).Where(n => n.Grade is not null)
            .Select(n => (n.Id, n.Grade!)).ToList();
    }

    private static Guid IntentId(JsonElement item) => item.GetProperty("intent").GetProperty("id").GetGuid();

    private static int MostLate(JsonElement item) => item.GetProperty("breaches").EnumerateArray().Max(b => b.GetProperty("workingDaysLate").GetInt32());

    /// <summary>The whole overdue list as the caller sees it, page after page; its total (counted apart) is how many there are.</summary>
    private async Task<List<JsonElement>> AllOverdueItemsAsync(Journey journey)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var one = await journey.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Get, $"/api/approval-items/overdue?page={page}&pageSize=200");
            items.AddRange(one.GetProperty("items").EnumerateArray());
            var total = one.GetProperty("total").GetInt32();
            if (one.GetProperty("items").GetArrayLength() == 0 || items.Count >= total)
            {
                Assert.Equal(total, items.Count);
                return items;
            }
        }
    }

    private static string ItemId(JsonElement item) => item.GetProperty("item").GetProperty("id").GetString()!;
}
