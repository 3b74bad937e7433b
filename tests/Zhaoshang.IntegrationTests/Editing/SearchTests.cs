using System.Net;
using System.Text.Json;
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
