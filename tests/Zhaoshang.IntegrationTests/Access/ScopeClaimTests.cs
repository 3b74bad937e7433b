using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// District and park staff are scoped by their token's district or park claim: a token of such a role without its
/// claim is refused, never read as "every district" by the lists, the KPIs or the funds statistics and CSV.
/// </summary>
[Collection(SystemCollection.Name)]
public class ScopeClaimTests(SystemFixture system)
{
    public static TheoryData<string, string> Reads => new()
    {
        { "Lead", "/api/intents" },
        { "Lead", "/api/intents/overdue" },
        { "Project", "/api/projects" },
        { "Project", "/api/kpis?year=2026" },
        { "Funding", "/api/stats/funds?year=2026" },
        { "Funding", "/api/stats/funds.csv?year=2026" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task District_token_without_its_district_claim_is_refused(string service, string path)
    {
        using var client = system.Client(Service(service), Tokens.Forge("district"));
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Park_token_without_its_park_claim_is_refused(string service, string path)
    {
        using var client = system.Client(Service(service), Tokens.Forge("park"));
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private ServiceProcess Service(string name) => name switch
    {
        "Lead" => system.Lead,
        "Project" => system.Project,
        _ => system.Funding,
    };
}
