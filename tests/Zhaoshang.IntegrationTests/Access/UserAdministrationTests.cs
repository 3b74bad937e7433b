using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Access;

/// <summary>
/// The bureau's user and role administration on the provider: accounts are created, rescoped, disabled and given new
/// passwords, and each change shows in the next token; bad input is a ProblemDetails naming the field, a taken
/// username 409, and only the bureau may do any of it.
/// </summary>
[Collection(SystemCollection.Name)]
public class UserAdministrationTests(SystemFixture system)
{
    private const string Password = "初始密码-0123456789";

    [Fact]
    public async Task A_new_account_signs_in_and_its_changes_show_in_the_next_token()
    {
        var username = $"u-{Guid.NewGuid():N}"[..20];
        var user = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/users",
            new { username, displayName = "官渡区投资促进局 周科员", role = "district", district = "官渡区", park = (string?)null, password = Password });
        var id = user.GetProperty("id").GetGuid();

        var token = new JsonWebToken(await Tokens.SignInAsync(username, Password));
        Assert.Equal(("district", "官渡区"), (token.GetClaim("role").Value, token.GetClaim("district").Value));
        Assert.Equal("官渡区投资促进局 周科员", token.GetClaim("name").Value);

        // Rescoped to a park: the next token says so.
        await ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/users/{id}",
            new { displayName = "官渡区投资促进局 周科员", role = "park", district = (string?)null, park = "昆明经济技术开发区", disabled = false, version = 1 });
        token = new JsonWebToken(await Tokens.SignInAsync(username, Password));
        Assert.Equal(("park", "昆明经济技术开发区"), (token.GetClaim("role").Value, token.GetClaim("park").Value));
        Assert.False(token.TryGetClaim("district", out _));

        // A stale version is refused.
        await ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"/api/users/{id}",
            new { displayName = "x", role = "auditor", district = (string?)null, park = (string?)null, disabled = false, version = 1 });

        // A new password replaces the old one.
        await ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Put, $"/api/users/{id}/password", new { password = "新的密码-9876543210" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => Tokens.SignInAsync(username, Password));
        await Tokens.SignInAsync(username, "新的密码-9876543210");

        // Disabled: no more tokens.
        await ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/users/{id}",
            new { displayName = "官渡区投资促进局 周科员", role = "park", district = (string?)null, park = "昆明经济技术开发区", disabled = true, version = 3 });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Tokens.SignInAsync(username, "新的密码-9876543210"));
        Assert.Contains("invalid_grant", refused.Message);

        var audit = await ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/audit?recordId={id}");
        Assert.Equal(["created", "updated", "password reset", "updated"], audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_taken_username_is_409()
    {
        var body = new { username = "ANNING", displayName = "重名", role = "auditor", district = (string?)null, park = (string?)null, password = Password };
        var problem = await ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/users", body);
        Assert.Contains("ANNING", problem.GetProperty("detail").GetString());
    }

    public static TheoryData<string, object> BadAccounts => new()
    {
        { "district", new { username = "bad-1", displayName = "缺区县", role = "district", district = (string?)null, park = (string?)null, password = Password } },
        { "park", new { username = "bad-2", displayName = "缺园区", role = "park", district = (string?)null, park = (string?)null, password = Password } },
        { "district", new { username = "bad-3", displayName = "多余区县", role = "finance", district = "安宁市", park = (string?)null, password = Password } },
        { "role", new { username = "bad-4", displayName = "无此角色", role = "admin", district = (string?)null, park = (string?)null, password = Password } },
        { "password", new { username = "bad-5", displayName = "短密码", role = "auditor", district = (string?)null, park = (string?)null, password = "short" } },
        { "username", new { username = "坏 名字", displayName = "用户名", role = "auditor", district = (string?)null, park = (string?)null, password = Password } },
    };

    [Theory]
    [MemberData(nameof(BadAccounts))]
    public async Task Bad_input_is_a_problem_naming_the_field_and_creates_nothing(string field, object body)
    {
        var problem = await ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/users", body);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var username = JsonSerializer.SerializeToElement(body).GetProperty("username").GetString();
        Assert.Equal(0, await system.ScalarAsync<int>(system.Identity, "SELECT count(*)::int FROM staff_users WHERE username = @username", new { username }));
    }

    [Theory]
    [InlineData("district", HttpStatusCode.Forbidden)]
    [InlineData("finance", HttpStatusCode.Forbidden)]
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_the_bureau_administers_users(string? role, HttpStatusCode expected)
    {
        var token = role switch { null => null, "district" => Tokens.For("district", Journey.District), _ => Tokens.For(role) };
        using var client = system.Client(system.Identity, token);
        Assert.Equal(expected, (await client.GetAsync("/api/users")).StatusCode);
        var created = await client.PostAsJsonAsync("/api/users",
            new { username = $"x-{Guid.NewGuid():N}"[..12], displayName = "越权", role = "bureau", district = (string?)null, park = (string?)null, password = Password });
        Assert.Equal(expected, created.StatusCode);
    }

    private async Task<JsonElement> ExpectAsync(HttpStatusCode expected, HttpMethod method, string path, object? body = null)
    {
        using var client = system.Client(system.Identity);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
