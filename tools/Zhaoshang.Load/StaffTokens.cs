using System.Net.Http.Json;
using System.Text.Json;

namespace Zhaoshang.Load;

/// <summary>
/// Staff tokens from the OpenID Connect provider (services/Identity) by the password grant of the confidential client
/// <c>zhaoshang-cli</c>, as token.sh, the tests, the benchmark and the fault run get them.
/// </summary>
public static class StaffTokens
{
    public const string Client = "zhaoshang-cli";

    /// <summary>An access token for <paramref name="username"/>; throws with the provider's reason when it refuses.</summary>
    public static async Task<string> SignInAsync(
        Uri authority, string clientSecret, string username, string password, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = authority, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = Client,
            ["client_secret"] = clientSecret,
            ["username"] = username,
            ["password"] = password,
        }), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode || !body.TryGetProperty("access_token", out var token))
            throw new InvalidOperationException($"The provider at {authority} refused {username}: {(int)response.StatusCode} {body}");
        return token.GetString()!;
    }
}
