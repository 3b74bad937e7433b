using System.Diagnostics;
using System.Net;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

[Collection(SystemCollection.Name)]
public class TokenScriptTests(SystemFixture system)
{
    [Fact]
    public async Task Tokens_from_token_sh_come_from_the_provider_and_are_accepted_with_their_role_and_district()
    {
        var bureau = await RunTokenScriptAsync("bureau");
        var district = await RunTokenScriptAsync("district", Callers.OtherDistrict);

        var created = await new Journey(system, bureau).ExpectAsync(HttpStatusCode.Created, system.Lead, HttpMethod.Post, "/api/enterprises", new
        {
            name = "脚本令牌企业", uscc = TestData.NewUscc(), hqRegion = "境外", industryChain = "现代物流", chainRole = "Supplier",
        });
        var enterpriseId = created.GetProperty("id").GetGuid();
        var refused = await new Journey(system, district).SendAsync(system.Lead, HttpMethod.Post, "/api/intents", new
        {
            enterpriseId, industry = "现代物流", intendedInvestment = 1m, district = Journey.District,
        });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<string> RunTokenScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "local", "token.sh"), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ZS_IDENTITY"] = TestEnvironment.IdentityAuthority.ToString();
        start.Environment["Identity__CliClientSecret"] = Tokens.CliSecret;
        start.Environment["Identity__DemoPassword"] = Tokens.DemoPassword;
        using var process = Process.Start(start)!;
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return token;
    }
}
