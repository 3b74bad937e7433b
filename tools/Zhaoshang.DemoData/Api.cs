using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhaoshang.DemoData;

internal sealed record Reply(HttpStatusCode Status, string Body)
{
    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, JsonSerializerOptions.Web)
        ?? throw new JsonException($"Expected a {typeof(T).Name} in the response, got: {Body}");
}

internal sealed class ApiException(HttpMethod method, string url, HttpStatusCode status, string body)
    : Exception($"{method} {url} failed with {(int)status} {status}\n{body}");

/// <summary>JSON over HTTP; any status that is neither a success nor one of the tolerated ones throws.</summary>
internal sealed class Api(HttpClient http)
{
    public async Task<Reply> SendAsync(
        HttpMethod method, string url, object? body = null, params HttpStatusCode[] tolerated)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType());
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode && !tolerated.Contains(response.StatusCode))
            throw new ApiException(method, url, response.StatusCode, text);
        return new Reply(response.StatusCode, text);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string url, object? body = null) =>
        (await SendAsync(method, url, body)).Read<T>();
}
