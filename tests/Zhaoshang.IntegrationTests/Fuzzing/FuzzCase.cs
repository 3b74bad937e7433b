namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>
/// One request the fuzzer sends: path, query and header values, a body and its content type. A refused case holds
/// something no valid request has, so it must get a 4xx (and <see cref="ExpectedStatus"/> when that is set).
/// </summary>
internal sealed record FuzzCase(string What, bool Refused)
{
    public IReadOnlyDictionary<string, string> Path { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public byte[]? Body { get; init; }
    public string? ContentType { get; init; } = "application/json";
    public bool Chunked { get; init; }
    public int? ExpectedStatus { get; init; }

    public string Url(ApiOperation operation)
    {
        var path = Path.Aggregate(operation.Path, (url, p) => url.Replace($"{{{p.Key}}}", Uri.EscapeDataString(p.Value), StringComparison.Ordinal));
        return Query.Count == 0
            ? path
            : $"{path}?{string.Join('&', Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"))}";
    }
}
