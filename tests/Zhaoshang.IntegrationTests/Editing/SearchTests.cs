using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Editing;

/// <summary>Keyword search (GET /api/search) on the lead and project services: part of a name, a USCC, scoped like the lists.</summary>
[Collection(SystemCollection.Name)]
public class SearchTests(SystemFixture system)
{
    private readonly Journey _bureau = new(system);
    private readonly Journey _district = new(system, Tokens.For("district", district: Journey.District));
    private readonly Journey _otherDistrict = new(system, Tokens.For("district", district: Edits.OtherDistrict));

    private static string Search(string q) => $"/api/search?q={Uri.EscapeDataString(q)}";

    private static IEnumerable<Guid> Ids(JsonElement result, string list) =>
        result.GetProperty(list).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

    [Fact]
    public async Task Enterprises_and_intents_are_found_by_part_of_a_name_and_by_uscc_and_intents_only_in_their_district()
    {
        // A word no other test's enterprise holds, so the search finds exactly what this test made.
        var word = $"搜{Guid.NewGuid():N}"[..12];
        var enterpriseId = await _bureau.CreateEnterpriseAsync($"云南{word}新材料有限公司");
        var uscc = (await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/enterprises/{enterpriseId}"))
            .GetProperty("uscc").GetString()!;
        var intentId = await _bureau.CreateIntentAsync(enterpriseId);

        var byName = await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search(word[1..]));
        Assert.Equal(new[] { enterpriseId }, Ids(byName, "enterprises"));
        Assert.Equal(new[] { intentId }, Ids(byName, "intents"));
        Assert.Equal((1, false), Counted(byName, "enterprises"));
        Assert.Equal((1, false), Counted(byName, "intents"));

        var byUscc = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search(uscc[2..14].ToLowerInvariant()));
        Assert.Contains(enterpriseId, Ids(byUscc, "enterprises"));
        Assert.Contains(intentId, Ids(byUscc, "intents"));

        // Another district finds the enterprise (the target list is the city's) but not the intent.
        var elsewhere = await _otherDistrict.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search(word));
        Assert.Equal(new[] { enterpriseId }, Ids(elsewhere, "enterprises"));
        Assert.Equal(0, elsewhere.GetProperty("intents").GetProperty("total").GetInt64());

        // The task team's people are found too; a wildcard in the term is taken literally.
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Put, $"/api/intents/{intentId}/task-team",
            new { leadOfficial = $"副市长{word}", members = new[] { "投促局局长" }, department = "投资促进局" });
        Assert.Equal(new[] { intentId }, Ids(await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search($"长{word}")), "intents"));
        Assert.Equal(0, (await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search($"{word}%")))
            .GetProperty("enterprises").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_intent_is_found_by_its_enterprises_new_name_and_uscc_and_no_longer_by_the_old()
    {
        var (before, after) = ($"旧{Guid.NewGuid():N}"[..12], $"新{Guid.NewGuid():N}"[..12]);
        var enterpriseId = await _bureau.CreateEnterpriseAsync($"云南{before}有限公司");
        var enterprise = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"/api/enterprises/{enterpriseId}");
        var oldUscc = enterprise.GetProperty("uscc").GetString()!;
        var intentId = await _bureau.CreateIntentAsync(enterpriseId);
        Assert.Equal(new[] { intentId }, Ids(await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search(before)), "intents"));

        var newUscc = TestData.NewUscc();
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Put, $"/api/enterprises/{enterpriseId}", new
        {
            name = $"云南{after}有限公司", uscc = newUscc, hqRegion = enterprise.GetProperty("hqRegion").GetString(),
            industryChain = enterprise.GetProperty("industryChain").GetString(), chainRole = enterprise.GetProperty("chainRole").GetString(),
            version = enterprise.GetProperty("version").GetInt32(),
        });

        foreach (var q in new[] { after, newUscc })
            Assert.Equal(new[] { intentId }, Ids(await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search(q)), "intents"));
        foreach (var q in new[] { before, oldUscc })
            Assert.Empty(Ids(await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search(q)), "intents"));
    }

    private static (long Total, bool TotalIsLowerBound) Counted(JsonElement result, string list) =>
        (result.GetProperty(list).GetProperty("total").GetInt64(), result.GetProperty(list).GetProperty("totalIsLowerBound").GetBoolean());

    /// <summary>The lead service counts a search's matches up to this many (SearchApi.CountCap).</summary>
    private const int CountCap = 1000;

    [Fact]
    public async Task More_matches_than_the_cap_are_counted_to_the_cap_said_to_be_more_and_still_paged_in_order()
    {
        // More enterprises than the cap hold the word, each with an intent in the district, loaded straight into the database.
        var word = $"量{Guid.NewGuid():N}"[..12];
        const int many = CountCap + 5;
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString("Lead"));
        await connection.ExecuteAsync(
            """
            WITH made AS (
                INSERT INTO enterprises (id, name, uscc, hq_region, industry_chain, chain_role, priority)
                SELECT gen_random_uuid(), @Word || '企业' || lpad(n::text, 4, '0'), NULL, '境外', @Word, 'Supplier', 'B'
                FROM generate_series(1, @Many) AS n
                RETURNING id, name, search_text)
            INSERT INTO cooperation_intents (id, enterprise_id, industry, intended_investment, district, first_district, status, received_on,
                                             enterprise_search_text)
            SELECT gen_random_uuid(), id, '新材料', 1000000, @District, @District, 'New', DATE '2026-01-01' + right(name, 4)::int % 97,
                   search_text
            FROM made
            """,
            new { Word = word, Many = many, Journey.District });
        var newestIntents = (await connection.QueryAsync<Guid>(
            "SELECT i.id FROM cooperation_intents i JOIN enterprises e ON e.id = i.enterprise_id WHERE e.industry_chain = @word ORDER BY i.received_on DESC, i.id DESC LIMIT 20",
            new { word })).ToList();

        var first = await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search(word));
        Assert.Equal((CountCap, true), Counted(first, "enterprises"));
        Assert.Equal((CountCap, true), Counted(first, "intents"));
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"{word}企业{n:D4}"), Names(first));
        Assert.Equal(newestIntents, Ids(first, "intents"));

        // The pages past the cap are there too, in the same order.
        var last = await _district.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, $"{Search(word)}&page={(many + 19) / 20}&pageSize=20");
        Assert.Equal(Enumerable.Range(1001, many - 1000).Select(n => $"{word}企业{n:D4}"), Names(last));
        Assert.Equal((CountCap, true), Counted(last, "enterprises"));

        // Another district sees none of the intents: counted exactly, not capped.
        var elsewhere = await _otherDistrict.ExpectAsync(HttpStatusCode.OK, system.Lead, HttpMethod.Get, Search(word));
        Assert.Equal((0, false), Counted(elsewhere, "intents"));
        Assert.Equal((CountCap, true), Counted(elsewhere, "enterprises"));
    }

    private static IEnumerable<string> Names(JsonElement result) =>
        result.GetProperty("enterprises").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!);

    [Fact]
    public async Task Projects_are_found_by_name_agreement_number_and_uscc_in_their_scope_only()
    {
        var projectId = await _bureau.SignedProjectAsync();
        var project = await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, $"/api/projects/{projectId}");
        var word = $"项{Guid.NewGuid():N}"[..12];
        await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Put, $"/api/projects/{projectId}/master-data",
            new { name = $"{word}铝精深加工项目", version = project.GetProperty("version").GetInt32() });

        Assert.Equal(new[] { projectId }, Ids(await _district.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, Search(word[2..])), "projects"));
        var agreementNo = project.GetProperty("agreementNo").GetString()!;
        Assert.Contains(projectId, Ids(await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, Search(agreementNo)), "projects"));
        var uscc = project.GetProperty("enterpriseUscc").GetString()!;
        Assert.Equal(new[] { projectId }, Ids(await _bureau.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, Search(uscc)), "projects"));

        var elsewhere = await _otherDistrict.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, Search(word));
        Assert.Equal(0, elsewhere.GetProperty("projects").GetProperty("total").GetInt64());
        var park = new Journey(system, Tokens.For("park", park: Journey.Park));
        Assert.Equal(new[] { projectId }, Ids(await park.ExpectAsync(HttpStatusCode.OK, system.Project, HttpMethod.Get, Search(word)), "projects"));
    }

    [Theory]
    [InlineData("lead", "x")]
    [InlineData("lead", " 宁 ")]
    [InlineData("project", "")]
    public async Task A_term_under_two_characters_is_refused_naming_q(string service, string q)
    {
        var problem = await _bureau.ExpectAsync(HttpStatusCode.BadRequest, service == "lead" ? system.Lead : system.Project, HttpMethod.Get, Search(q));
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _), problem.ToString());
    }
}
