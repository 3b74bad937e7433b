using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Platform.Calendar;

namespace Zhaoshang.IntegrationTests.WorkingCalendar;

/// <summary>
/// The working calendar kept by the bureau in the project service and used by every service: a holiday declared there
/// moves the approval service's statutory due dates; stale, unauthorized and malformed changes are refused.
/// </summary>
[Collection(SystemCollection.Name)]
public class WorkingCalendarTests(SystemFixture system)
{
    // A Monday with no official holiday for weeks after it; the Tuesday after it becomes one.
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly DeclaredHoliday = new(2026, 11, 3);

    [Fact]
    public async Task A_holiday_the_bureau_declares_moves_the_due_dates_the_approval_service_sets()
    {
        var bureau = new Journey(system);
        var held = await YearAsync(bureau, 2026);
        var (holidays, workingWeekendDays, version) = (Days(held, "holidays"), Days(held, "workingWeekendDays"), held.GetProperty("version").GetInt32());
        Assert.DoesNotContain(DeclaredHoliday, holidays);

        await using (await system.ShiftClockAsync(Monday, system.Approval))
        {
            var (code, dueBefore) = await FirstOpenItemAsync(bureau, null);
            try
            {
                var changed = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, "/api/working-calendar/2026",
                    new { holidays = holidays.Append(DeclaredHoliday), workingWeekendDays, version });
                Assert.Equal(version + 1, changed.GetProperty("version").GetInt32());
                await ApprovalHoldsAsync(version + 1);

                var (_, dueAfter) = await FirstOpenItemAsync(bureau, code);
                // November 2026 has no other holiday: the declared Tuesday pushes the limit one working day on.
                Assert.Equal(WorkCalendar.WeekendsOnly.AddWorkingDays(dueBefore, 1), dueAfter);
                var trail = await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
                    $"/api/audit?recordId={WorkingCalendarYears.RecordId(2026)}");
                Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("action").GetString() == "updated"
                    && e.GetProperty("after").GetProperty("version").GetInt32() == version + 1);
            }
            finally
            {
                // Tests share one system: the official calendar is put back, and the approval service has it again.
                var current = (await YearAsync(bureau, 2026)).GetProperty("version").GetInt32();
                await bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, "/api/working-calendar/2026",
                    new { holidays, workingWeekendDays, version = current });
                await ApprovalHoldsAsync(current + 1);
            }
        }
    }

    [Fact]
    public async Task A_stale_version_is_409_district_staff_403_and_days_outside_the_rules_400_naming_the_field()
    {
        var bureau = new Journey(system);
        var held = await YearAsync(bureau, 2027);
        var version = held.GetProperty("version").GetInt32();
        var days = new { holidays = Days(held, "holidays"), workingWeekendDays = Days(held, "workingWeekendDays") };
        const string path = "/api/working-calendar/2027";

        await bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Put, path, new { days.holidays, days.workingWeekendDays, version = version - 1 });
        var district = new Journey(system, Tokens.For("district", district: Journey.District));
        await district.ExpectAsync(HttpStatusCode.Forbidden, system.Project, HttpMethod.Put, path, new { days.holidays, days.workingWeekendDays, version });
        Assert.Equal(version, (await YearAsync(district, 2027)).GetProperty("version").GetInt32());

        var outsideTheYear = await bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Put, path,
            new { holidays = days.holidays.Append(new DateOnly(2026, 12, 31)), days.workingWeekendDays, version });
        Assert.Contains("2026-12-31", Errors(outsideTheYear, "holidays"));
        var wednesday = await bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Put, path,
            new { days.holidays, workingWeekendDays = new[] { new DateOnly(2027, 1, 6) }, version });
        Assert.Contains("2027-01-06", Errors(wednesday, "workingWeekendDays"));
        var both = await bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Put, path,
            new { holidays = new[] { new DateOnly(2027, 2, 6) }, workingWeekendDays = new[] { new DateOnly(2027, 2, 6) }, version });
        Assert.Contains("2027-02-06", Errors(both, "workingWeekendDays"));
        Assert.Equal(version, (await YearAsync(bureau, 2027)).GetProperty("version").GetInt32());
    }

    private async Task<JsonElement> YearAsync(Journey staff, int year)
    {
        var years = await staff.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/working-calendar?year={year}");
        return Assert.Single(years.EnumerateArray());
    }

    private static DateOnly[] Days(JsonElement year, string field) =>
        year.GetProperty(field).EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!)).ToArray();

    private static string Errors(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    /// <summary>A newly signed project's first open item with a due date (or the item <paramref name="code"/>).</summary>
    private async Task<(string Code, DateOnly DueOn)> FirstOpenItemAsync(Journey bureau, string? code)
    {
        var projectId = await bureau.SignedProjectAsync();
        var approvalCase = await bureau.ExpectAsync(HttpStatusCode.OK, system.Approval, HttpMethod.Get, $"/api/projects/{projectId}/approval-case");
        var item = approvalCase.GetProperty("items").EnumerateArray().First(i =>
            i.GetProperty("status").GetString() == "Open" && i.GetProperty("dueOn").ValueKind == JsonValueKind.String
            && (code is null || i.GetProperty("code").GetString() == code));
        return (item.GetProperty("code").GetString()!, DateOnly.Parse(item.GetProperty("dueOn").GetString()!));
    }

    private Task ApprovalHoldsAsync(int version) =>
        Eventually.AssertAsync(
            () => system.ScalarAsync<int>(system.Approval, "SELECT version FROM working_calendar_years WHERE year = 2026"),
            held => held == version, $"the approval service holds version {version} of 2026");
}
