using System.Text;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>
/// JSON bodies for an operation: a valid-looking sample, then one mutation at a time of it — malformed JSON, wrong
/// content types, each property missing, of a wrong type or hostile, unknown properties — and an oversized body.
/// </summary>
internal static class BodyCases
{
    public const int OversizedBytes = 2 * 1024 * 1024;

    public static string Sample(ApiSchema schema, Func<string, string?> hint, string? name = null) =>
        (name is null ? null : hint(name)) ?? schema.Kind switch
        {
            ApiSchema.Kinds.Object => Fields(schema, hint).ToJson(),
            ApiSchema.Kinds.Array => $"[{Sample(schema.Items!, hint)}]",
            ApiSchema.Kinds.String when schema.Format == "date" => HostileInput.Json(Journey.Today.ToString("yyyy-MM-dd")),
            ApiSchema.Kinds.String when schema.Format == "date-time" => HostileInput.Json(DateTimeOffset.UtcNow.ToString("O")),
            ApiSchema.Kinds.String when schema.Format == "uuid" => HostileInput.Json(Guid.NewGuid().ToString()),
            ApiSchema.Kinds.String => HostileInput.Json($"模糊测试{name}"),
            ApiSchema.Kinds.Number => "1000.5",
            ApiSchema.Kinds.Integer => "1",
            ApiSchema.Kinds.Boolean => "true",
            ApiSchema.Kinds.Enum => HostileInput.Json(schema.Enum[0]),
            _ => "{}",
        };

    /// <summary>
    /// Every mutation of the sample, then the sample; a body that holds a refused value anywhere is refused. Where one
    /// success moves the record on (a transition), whatever comes after it gets 409: so the sample comes last, and
    /// numbers and dates, the likeliest to break a column, come before text.
    /// </summary>
    public static IEnumerable<(string What, byte[] Body, string? ContentType, bool Refused)> For(
        ApiSchema schema, bool required, Func<string, string?> hint)
    {
        yield return ("empty body", [], "application/json", required);
        yield return ("top-level null", "null"u8.ToArray(), "application/json", required);
        foreach (var (what, json, contentType, refused) in Malformed(schema, hint))
            yield return (what, Encoding.UTF8.GetBytes(json), contentType, refused);
        yield return ("invalid UTF-8", InvalidUtf8(schema, hint), "application/json", true);
        yield return ("UTF-8 byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample(schema, hint))], "application/json", false);
        if (schema.Kind == ApiSchema.Kinds.Object)
        {
            foreach (var (what, json, refused) in Mutations(schema, hint))
                yield return (what, Encoding.UTF8.GetBytes(json), "application/json", refused);
        }

        yield return ("sample", Encoding.UTF8.GetBytes(Sample(schema, hint)), "application/json", false);
    }

    public static byte[] Oversized() =>
        Encoding.UTF8.GetBytes($"{{\"name\":{HostileInput.Json(new string('x', OversizedBytes))}}}");

    private static IEnumerable<(string What, string Json, string? ContentType, bool Refused)> Malformed(ApiSchema schema, Func<string, string?> hint)
    {
        var sample = Sample(schema, hint);
        return
        [
            ("truncated", sample[..(sample.Length / 2)], "application/json", true),
            ("trailing garbage", sample + " trailing", "application/json", true),
            ("extra closing brace", sample + "}", "application/json", true),
            ("top-level array", "[]", "application/json", true),
            ("top-level string", "\"text\"", "application/json", true),
            ("top-level number", "42", "application/json", true),
            ("single quotes", sample.Replace('"', '\''), "application/json", true),
            ("comment", "/* comment */" + sample, "application/json", true),
            ("1000 levels deep", new string('[', 1000) + new string(']', 1000), "application/json", true),
            ("text/plain", sample, "text/plain", true),
            ("application/xml", "<request/>", "application/xml", true),
            ("form", "a=b", "application/x-www-form-urlencoded", true),
            ("no content type", sample, null, true),
        ];
    }

    private static IEnumerable<(string What, string Json, bool Refused)> Mutations(ApiSchema schema, Func<string, string?> hint)
    {
        foreach (var (name, property) in schema.Properties.OrderBy(p => p.Value is { Kind: ApiSchema.Kinds.String, Format: null }))
        {
            yield return ($"{name} missing", Fields(schema, hint).Without(name).ToJson(), false);
            var values = property.Kind == ApiSchema.Kinds.Object
                ? HostileInput.For(property).Concat(Mutations(property, hint).Select(m => new Hostile(m.What, m.Json, m.Refused)))
                : HostileInput.For(property);
            foreach (var value in values)
                yield return ($"{name}: {value.What}", Fields(schema, hint).With(name, value.Json).ToJson(), value.Refused);
        }

        yield return ("unknown field", Fields(schema, hint).With("unknownField", "1").ToJson(), true);
        yield return ("__proto__", Fields(schema, hint).With("__proto__", "{\"isAdmin\":true}").ToJson(), true);
        yield return ("10k-char field name", Fields(schema, hint).With(new string('f', 10_000), "1").ToJson(), true);
        var first = schema.Properties.Keys.FirstOrDefault();
        if (first is not null)
            yield return ("duplicate field", Fields(schema, hint).ToJson().TrimEnd('}') + $",{HostileInput.Json(first)}:null}}", false);
    }

    /// <summary>The sample with a string value that is not UTF-8 (0xFF 0xFE, and 0xC3 without its continuation byte).</summary>
    private static byte[] InvalidUtf8(ApiSchema schema, Func<string, string?> hint)
    {
        var text = schema.Properties.FirstOrDefault(p => p.Value.Kind == ApiSchema.Kinds.String).Key;
        var json = text is null ? "{\"x\":\"@@\"}" : Fields(schema, hint).With(text, "\"@@\"").ToJson();
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        var at = bytes.IndexOf((byte)'@');
        bytes.RemoveRange(at, 2);
        bytes.InsertRange(at, [0xFF, 0xFE, 0xC3, 0x28]);
        return bytes.ToArray();
    }

    private static List<KeyValuePair<string, string>> Fields(ApiSchema schema, Func<string, string?> hint) =>
        schema.Properties.Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, hint, p.Key))).ToList();

    private static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string json)
    {
        var at = fields.FindIndex(f => f.Key == name);
        if (at < 0)
            fields.Add(KeyValuePair.Create(name, json));
        else
            fields[at] = KeyValuePair.Create(name, json);
        return fields;
    }

    private static List<KeyValuePair<string, string>> Without(this List<KeyValuePair<string, string>> fields, string name) =>
        fields.Where(f => f.Key != name).ToList();

    private static string ToJson(this List<KeyValuePair<string, string>> fields) =>
        $"{{{string.Join(',', fields.Select(f => $"{HostileInput.Json(f.Key)}:{f.Value}"))}}}";
}
