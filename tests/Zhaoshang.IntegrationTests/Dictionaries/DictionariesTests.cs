using System.Net;
using System.Text.Json;
using Dapper;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Dictionaries;

/// <summary>
/// The dictionaries the bureau keeps in the project service: an industry it adds reaches the lead service's copy, which
/// then accepts intents naming it; stale, malformed and unauthorized changes are refused; the project migration maps
/// existing spellings onto the dictionary and leaves what it does not know unclassified.
/// </summary>
[Collection(SystemCollection.Name)]
public class DictionariesTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);

    [Fact]
    public async Task An_industry_the_bureau_adds_is_refused_by_lead_before_and_accepted_once_its_copy_has_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (code, name) = ($"T_{suffix}", $"测试产业{suffix}");
        var enterpriseId = await _bureau.CreateEnterpriseAsync();
        var intent = new { enterpriseId, industry = name, intendedInvestment = 300_000_000.00m, district = Journey.District };
        var refused = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Lead, HttpMethod.Post, "/api/intents", intent);
        Assert.Contains(name, Errors(refused, "industry"));

        var added = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, $"/api/dictionaries/industries/{code}",
            new { name, sector = "三产", chain = (string?)null, aliases = new[] { $"别称{suffix}" }, version = 0 });
        var version = added.GetProperty("version").GetInt32();
        var industry = added.GetProperty("industries").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
        Assert.Equal(1, industry.GetProperty("version").GetInt32());
        await Eventually.AssertAsync(() => system.ScalarAsync<int>(system.Lead, "SELECT version FROM dictionary_versions"),
            held => held >= version, $"the lead service holds dictionaries version {version}");

        // Lead's instance applied the copy as its consumer took it: the alias is accepted and stored under the name.
        var created = await _bureau.ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/intents",
            intent with { industry = $"别称{suffix}" });
        Assert.Equal(name, created.GetProperty("industry").GetString());
        var trail = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get,
            "/api/audit?recordId=00000000-0000-0000-0000-0000d1c70000");
        Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("action").GetString() == "created"
            && e.GetProperty("after").GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_stale_version_is_409_with_the_entry_district_staff_403_bad_fields_400_and_a_taken_spelling_409()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var path = $"/api/dictionaries/districts/T_{suffix}";
        var added = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, path, new { name = $"测试区{suffix}", version = 0 });
        Assert.Contains(added.GetProperty("districts").EnumerateArray(), d => d.GetProperty("name").GetString() == $"测试区{suffix}");

        var stale = await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Put, path, new { name = $"改名区{suffix}", version = 0 });
        Assert.Equal(1, stale.GetProperty("currentVersion").GetInt32());
        Assert.Equal($"测试区{suffix}", stale.GetProperty("current").GetProperty("name").GetString());
        await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Put, path, new { name = "安宁市", version = 1 });

        var district = new Journey(system, Tokens.For("district", district: Journey.District));
        await district.ExpectAsync(HttpStatusCode.Forbidden, system.Project, HttpMethod.Put, path, new { name = $"越权区{suffix}", version = 1 });
        var read = await district.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, "/api/dictionaries");
        Assert.Contains(read.GetProperty("districts").EnumerateArray(), d => d.GetProperty("name").GetString() == $"测试区{suffix}");

        var noSector = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Put, $"/api/dictionaries/industries/T_{suffix}",
            new { name = $"无门类{suffix}", sector = "四产", version = 0 });
        Assert.Contains("sector", Errors(noSector, "sector"));
        var badCode = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, system.Project, HttpMethod.Put, "/api/dictionaries/regions/bad-code!",
            new { name = $"无效区域{suffix}", places = new[] { "某地" }, version = 0 });
        Assert.Contains("code", Errors(badCode, "code"));
        var takenPlace = await _bureau.ExpectAsync(HttpStatusCode.Conflict, system.Project, HttpMethod.Put, $"/api/dictionaries/regions/T_{suffix}",
            new { name = $"测试区域{suffix}", places = new[] { "上海" }, version = 0 });
        Assert.Contains("上海", takenPlace.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_project_migration_maps_spellings_onto_names_and_leaves_an_unknown_industry_unclassified()
    {
        var unknown = $"未知产业{Guid.NewGuid().ToString("N")[..8]}";
        var sql = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "services", "Project", "Migrations", "0010_dictionaries.sql"));
        await system.RolledBackAsync(system.Project, async (connection, transaction) =>
        {
            var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
            foreach (var (id, industry) in ids.Zip([" 先进装备制造 ", unknown]))
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO projects (id, intent_id, enterprise_id, enterprise_name, industry, intended_investment, district,
                                          first_district, state, state_entered_at, created_at, updated_at, opened_on)
                    VALUES (@id, gen_random_uuid(), gen_random_uuid(), '迁移测试企业', @industry, 100000000, '安宁市', '安宁市',
                            'Negotiating', now(), now(), now(), current_date)
                    """,
                    new { id, industry }, transaction);
            }

            await connection.ExecuteAsync(sql, transaction: transaction);
            var industries = (await connection.QueryAsync<string>(
                "SELECT industry FROM projects WHERE id = ANY(@ids) ORDER BY industry", new { ids }, transaction)).ToList();
            Assert.Equal(new[] { "装备制造", unknown }.Order(StringComparer.Ordinal), industries.Order(StringComparer.Ordinal));
            var sector = await connection.QuerySingleAsync<(string Code, string? Sector)>(
                "SELECT code, sector FROM industries WHERE name = @unknown", new { unknown }, transaction);
            Assert.StartsWith("U_", sector.Code);
            Assert.Null(sector.Sector);
        });
    }

    private static string Errors(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
