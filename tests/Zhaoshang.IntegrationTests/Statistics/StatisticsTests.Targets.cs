using System.Net;
using MiniExcelLibs;
using Zhaoshang.Contracts;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Statistics;

/// <summary>Targets (versioned, audited, progress in the statistics), the 调度会 workbook, and 境外 funds through funding.</summary>
public partial class StatisticsTests
{
    [Fact]
    public async Task Targets_are_versioned_and_show_progress_and_the_workbook_holds_the_figures()
    {
        await SeedAsync();
        const string funds = "/api/statistics/targets/2031/FundsInPlaceCny";
        var created = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, funds, new { value = 150_000_000m, version = (int?)null });
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        var stale = await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Put, funds, new { value = 1m, version = (int?)null });
        Assert.Equal(150_000_000m, stale.GetProperty("current").GetProperty("value").GetDecimal());
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, funds, new { value = 200_000_000m, version = 1 });
        await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Put, funds, new { value = 300_000_000m, version = 1 });
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, "/api/statistics/targets/2031/ForeignCapitalUsd", new { value = 5_000_000m, version = (int?)null });
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, $"/api/statistics/targets/2031/SignedCount?district={Uri.EscapeDataString(A)}", new { value = 4m, version = (int?)null });

        await ExpectBadPutAsync("/api/statistics/targets/2031/SignedCount", new { value = -1m, version = (int?)null }, "value");
        await ExpectBadPutAsync("/api/statistics/targets/2031/Happiness", new { value = 1m, version = (int?)null }, "indicator");
        await ExpectBadPutAsync("/api/statistics/targets/2031/SignedCount?district=火星区", new { value = 1m, version = (int?)null }, "district");
        await new Journey(system, Tokens.For("district", district: A)).ExpectAsync(HttpStatusCode.Forbidden, system.Project, HttpMethod.Put,
            "/api/statistics/targets/2031/StartedCount", new { value = 1m, version = (int?)null });

        var list = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/statistics/targets?year=2031");
        Assert.Equal([("ForeignCapitalUsd", null, 5_000_000m, 1), ("FundsInPlaceCny", null, 200_000_000m, 2), ("SignedCount", A, 4m, 1)],
            list.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("indicator").GetString(), i.GetProperty("district").GetString(),
                i.GetProperty("value").GetDecimal(), i.GetProperty("version").GetInt32())));

        var report = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/statistics?year=2031&quarter=1");
        Assert.Equal([("FundsInPlaceCny", 146_300_000.00m, 0.7315m), ("ForeignCapitalUsd", 2_295_774.65m, 0.4592m), ("SignedCount", 2m, 0.5m)],
            report.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("indicator").GetString(), t.GetProperty("actual").GetDecimal(), t.GetProperty("progress").GetDecimal())));

        using var response = await _bureau.SendAsync(system.Project, HttpMethod.Get, "/api/statistics/meeting-workbook?year=2031&quarter=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("调度会-2031Q1.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["总览", "签约", "开工", "到位资金", "利用外资"], book.GetSheetNames());
        // 本期, 去年同期, 同比, 本年累计, 年度目标, 完成率; 元 in 万元.
        Assert.Equal(["到位资金（万元）", "14630", "5355", "1.732", "14630", "20000", "0.7315"], Row(book, "总览", "到位资金（万元）"));
        Assert.Equal([A, "2", "2", "0", "2", "4", "0.5"], Row(book, "签约", A));
        Assert.Equal([B, "1630", "4355", "-0.6257", "1630", "", ""], Row(book, "到位资金", B));
        Assert.Equal(["合计", "2295774.65", "500000", "3.5915", "2295774.65", "5000000", "0.4592"], Row(book, "利用外资", "合计"));
    }

    [Fact]
    public async Task Foreign_funds_in_any_currency_count_in_usd_at_the_days_rate()
    {
        var finance = new Journey(system, Tokens.For("finance"));
        var projectId = await _bureau.SignedProjectAsync();
        // A day no other test keeps rates for: USD 7.2, HKD 0.9123.
        var day = new DateOnly(2019, 1, 1).AddDays(Random.Shared.Next(1, 360));
        await finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Put, $"/api/exchange-rates/USD/{day:yyyy-MM-dd}", new { cnyPerUnit = 7.2m });
        await finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Put, $"/api/exchange-rates/HKD/{day:yyyy-MM-dd}", new { cnyPerUnit = 0.9123m });
        foreach (var (amount, currency, source) in new[] { (1_000_000m, "HKD", "Abroad"), (720_000m, "CNY", "Abroad"), (50_000m, "USD", "Abroad"), (88_888.88m, "CNY", "OutsideProvince") })
        {
            var report = await _bureau.ExpectAsync(HttpStatusCode.Created, system.Funding, HttpMethod.Post, $"/api/projects/{projectId}/funds-reports",
                new { amount, currency, source, use = "FixedAssets", reportedOn = day, evidenceRef = $"统计-{currency}-{source}" });
            await finance.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Post, $"/api/funds-reports/{report.GetProperty("id").GetGuid()}/verify");
        }

        // All four, the 省外 one too: the totals below count it, and its message may come last.
        var usd = await Eventually.AssertAsync(
            () => system.ScalarAsync<decimal?>(system.Project,
                "SELECT sum(amount_usd) FILTER (WHERE source = 'Abroad') FROM statistics_funds WHERE project_id = @projectId HAVING count(*) = 4",
                new { projectId }),
            sum => sum is not null, "the four reports reached the statistics");
        Assert.Equal(276_708.33m, usd);   // 912,300.00 元 ÷ 7.2 = 126,708.33; 720,000 ÷ 7.2 = 100,000; 50,000 as reported
        var region = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            $"/api/statistics?year={day.Year}&month={day.Month}&district={Uri.EscapeDataString(Journey.District)}&region={Uri.EscapeDataString("长三角")}");
        Assert.Equal(276_708.33m, region.GetProperty("current").GetProperty("foreignCapitalUsd").GetDecimal());
        Assert.Equal(2_081_188.88m, region.GetProperty("current").GetProperty("fundsInPlace").GetProperty("yuan").GetDecimal());   // 912,300 + 720,000 + 360,000 + 88,888.88
    }

    [Fact]
    public async Task Old_foreign_reports_without_a_usd_equivalent_count_only_when_reported_in_usd()
    {
        var projectId = await _bureau.SignedProjectAsync();
        // A year no other test reports in; the figure is compared before and after, so a rerun's reports do not count.
        var day = new DateOnly(2018, 1, 1).AddDays(Random.Shared.Next(0, 365));
        var path = $"/api/statistics?year={day.Year}&month={day.Month}&district={Uri.EscapeDataString(Journey.District)}";
        async Task<decimal> ForeignUsdAsync() => (await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, path))
            .GetProperty("current").GetProperty("foreignCapitalUsd").GetDecimal();
        var before = await ForeignUsdAsync();

        // As funding sent them before it converted: no USD equivalent.
        var reports = new[] { ("USD", 1_000m, "Abroad"), ("HKD", 1_000m, "Abroad"), ("USD", 5_000m, "OutsideProvince") };
        foreach (var (currency, amount, source) in reports)
            await system.Broker.PublishAsync(Guid.NewGuid(), new FundsVerified(
                projectId, Guid.NewGuid(), 7_000m, 7_000m, day, DateTimeOffset.UtcNow, currency, amount, null, source, "FixedAssets"));
        await Eventually.AssertAsync(
            () => system.ScalarAsync<long>(system.Project, "SELECT count(*) FROM statistics_funds WHERE project_id = @projectId AND reported_on = @day",
                new { projectId, day = day.ToDateTime(TimeOnly.MinValue) }),
            count => count == reports.Length, "the three reports reached the statistics");

        Assert.Equal(1_000m, await ForeignUsdAsync() - before);
    }

    private async Task ExpectBadPutAsync(string path, object body, string field)
    {
        var problem = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Put, path, body);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the 400 names '{field}': {problem}");
    }

    /// <summary>The sheet's row whose first cell is <paramref name="first"/>, as text (numbers in invariant form).</summary>
    private static string[] Row(MemoryStream book, string sheet, string first)
    {
        book.Position = 0;
        var row = book.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
            .Select(r => ((IDictionary<string, object?>)r).Values.ToArray())
            .Single(cells => cells[0]?.ToString() == first);
        return row.Select(c => c is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : c?.ToString() ?? "").ToArray();
    }
}
