using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Errors;

/// <summary>
/// A request body over the limit (1 MiB) gets a 413 ProblemDetails naming the limit, whether its length was declared
/// or it came chunked, and nothing is written; a body under the limit is read as usual.
/// </summary>
[Collection(SystemCollection.Name)]
public class OversizedBodyTests(SystemFixture system)
{
    private const int Limit = 1024 * 1024;
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_gets_413_naming_the_limit_and_writes_nothing(bool chunked)
    {
        var name = $"超大请求体企业{Guid.NewGuid():N}";
        using var response = await PostEnterpriseAsync(name, Limit + 1, chunked);
        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is too large.", problem.GetProperty("title").GetString());
        Assert.Equal("A request body may have at most 1 MiB (1048576 bytes).", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await system.ScalarAsync<int>(system.Lead, "SELECT count(*) FROM enterprises WHERE name LIKE @name || '%'", new { name }));
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read()
    {
        using var response = await PostEnterpriseAsync($"长名称企业{Guid.NewGuid():N}", Limit - 1024, chunked: true);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 200 characters", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    /// <summary>A valid enterprise whose name is padded with spaces until the body has <paramref name="bytes"/> bytes.</summary>
    private async Task<HttpResponseMessage> PostEnterpriseAsync(string name, int bytes, bool chunked)
    {
        var json = JsonSerializer.Serialize(new { name, uscc = TestData.NewUscc(), hqRegion = "长三角", industryChain = "绿色铝", chainRole = "Supplier" }, Unescaped);
        var padded = json.Replace($"\"{name}\"", $"\"{name}{new string(' ', bytes - Encoding.UTF8.GetByteCount(json))}\"", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(padded);
        Assert.Equal(bytes, body.Length);
        using var client = system.Client(system.Lead);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/enterprises") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = chunked;
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
