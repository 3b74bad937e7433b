using System.Net;
using System.Text;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;
using Zhaoshang.Tests.Shared;

namespace Zhaoshang.IntegrationTests.Funding;

/// <summary>GET /api/stats/funds over the hand-computed 30-report fixture, stored in the funding database.</summary>
[Collection(SystemCollection.Name)]
public class StatisticsTests(SystemFixture system)
{
    [Fact]
    public async Task The_statistics_match_the_hand_computed_fixture()
    {
        // Fresh district names keep other tests' funds out of these figures.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string District(string name) => $"{name}{suffix}";
        var ids = FundsFixture.Projects.Select(_ => Guid.NewGuid()).ToArray();
        foreach (var p in FundsFixture.Projects)
        {
            await system.ExecuteAsync(system.Funding,
                """
                INSERT INTO funding_ledgers (id, project_id, contracted_investment, signed_on, industry, district, park, opened_at)
                VALUES (gen_random_uuid(), @Id, @Contracted, '2026-01-01', @Industry, @District, @Park, now())
                """,
                new { Id = ids[p.No - 1], p.Contracted, p.Industry, District = District(p.District), p.Park });
        }

        foreach (var r in FundsFixture.Reports.Append(new FundsFixture.Report(2, "2026-03-01", 99_999_999m, "CNY", 1m, "OutsideProvince", "FixedAssets")))
        {
            var verified = r.Amount != 99_999_999m;
            await system.ExecuteAsync(system.Funding,
                """
                INSERT INTO funds_reports (id, project_id, amount, currency, exchange_rate, amount_cny, source, use, reported_on, evidence_ref,
                                           status, created_at)
                VALUES (gen_random_uuid(), @ProjectId, @Amount, @Currency, @Rate, @AmountCny, @Source, @Use, @Day::date, 'fixture', @Status, now())
                """,
                new
                {
                    ProjectId = ids[r.Project - 1], r.Amount, r.Currency, r.Rate, r.AmountCny, r.Source, r.Use, r.Day,
                    Status = verified ? "Verified" : "Rejected",
                });
        }

        var bureau = new Journey(system);
        var dali = await bureau.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get,
            $"/api/stats/funds?year=2026&district={Uri.EscapeDataString(District("大理市"))}");
        Assert.Equal(9, dali.GetProperty("reports").GetInt32());
        Assert.Equal(72_815_000.00m, dali.GetProperty("verified").GetProperty("yuan").GetDecimal());
        Assert.Equal(400_000_000m, dali.GetProperty("contracted").GetProperty("yuan").GetDecimal());
        Assert.Equal(0.1820m, dali.GetProperty("arrivalRate").GetDecimal());
        Assert.Equal(400_000m, dali.GetProperty("foreignUsd").GetDecimal());
        Assert.Equal([10_700_000.00m, 0m, 62_115_000.00m], Sectors(dali));

        var anning = await bureau.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get,
            $"/api/stats/funds?year=2026&quarter=3&district={Uri.EscapeDataString(District("安宁市"))}");
        Assert.Equal(74_400_000.00m, anning.GetProperty("verified").GetProperty("yuan").GetDecimal()); // 50M + 14.4M + 10M
        Assert.Equal(2_000_000m, anning.GetProperty("foreignUsd").GetDecimal());
        Assert.Equal(10_000_000.00m, anning.GetProperty("workingCapital").GetProperty("yuan").GetDecimal());

        var qilin = await bureau.ExpectAsync(HttpStatusCode.OK, system.Funding, HttpMethod.Get,
            $"/api/stats/funds?district={Uri.EscapeDataString(District("麒麟区"))}&industry={Uri.EscapeDataString("绿色硅")}");
        Assert.Equal(104_809_567.89m, qilin.GetProperty("verified").GetProperty("yuan").GetDecimal());
        Assert.Equal(10_480.96m, qilin.GetProperty("verified").GetProperty("wan").GetDecimal());
        Assert.Equal(["2026Q1", "2026Q2", "2026Q3", "2026Q4"], qilin.GetProperty("byQuarter").EnumerateArray().Select(q => q.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task The_csv_lists_every_report_once_in_day_order_across_its_pages()
    {
        // 2,500 reports on seven days, all with one created_at: pages of the export end inside runs of equal days and
        // times, where only the report's id tells the next page where to start.
        var district = $"分页区{Guid.NewGuid():N}"[..12];
        var project = Guid.NewGuid();
        await system.ExecuteAsync(system.Funding,
            """
            INSERT INTO funding_ledgers (id, project_id, contracted_investment, signed_on, industry, district, park, opened_at)
            VALUES (gen_random_uuid(), @project, 1000000000, '2019-01-01', '新能源电池', @district, '安宁工业园区', now());
            INSERT INTO funds_reports (id, project_id, amount, currency, exchange_rate, amount_cny, source, use, reported_on, evidence_ref,
                                       status, created_at)
            SELECT gen_random_uuid(), @project, 1000 + n, 'CNY', 1, 1000 + n, 'OutsideProvince', 'FixedAssets', date '2019-01-01' + n % 7,
                   'paging', 'Verified', now()
            FROM generate_series(1, 2500) n;
            """,
            new { project, district });

        using var client = system.Client(system.Funding);
        var csv = await client.GetByteArrayAsync($"/api/stats/funds.csv?district={Uri.EscapeDataString(district)}");
        var rows = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Enumerable.Range(1001, 2500).Select(n => $"{n}.00"), rows.Select(r => r[7]).Order(StringComparer.Ordinal));
        Assert.Equal(rows.Select(r => r[0]).Order(StringComparer.Ordinal), rows.Select(r => r[0]));
    }

    private static IEnumerable<decimal> Sectors(JsonElement stats) =>
        stats.GetProperty("sectors").EnumerateArray().Select(s => s.GetProperty("amount").GetProperty("yuan").GetDecimal());
}
