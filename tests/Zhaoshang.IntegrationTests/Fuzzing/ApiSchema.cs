using System.Text.Json.Nodes;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>
/// What the fuzzer needs of a JSON schema in an OpenAPI document: the kind of value (references and nullable
/// <c>oneOf</c>s resolved), its format, enum names, array items and object properties.
/// </summary>
internal sealed record ApiSchema(
    ApiSchema.Kinds Kind, string? Format, IReadOnlyList<string> Enum, ApiSchema? Items, IReadOnlyDictionary<string, ApiSchema> Properties)
{
    public enum Kinds { Any, Object, Array, String, Number, Integer, Boolean, Enum }

    private static readonly ApiSchema AnyValue = new(Kinds.Any, null, [], null, new Dictionary<string, ApiSchema>());

    public static ApiSchema Read(JsonNode? node, JsonObject schemas, int depth = 0)
    {
        if (node is not JsonObject schema || depth > 8)
            return AnyValue;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            return Read(schemas[reference.Split('/')[^1]], schemas, depth + 1);
        if (schema["oneOf"] is JsonArray oneOf)
            return Read(oneOf.FirstOrDefault(s => s?["type"]?.ToString() != "null"), schemas, depth + 1);
        if (schema["enum"] is JsonArray names)
            return new ApiSchema(Kinds.Enum, null, names.OfType<JsonNode>().Select(n => n.ToString()).ToList(), null, new Dictionary<string, ApiSchema>());

        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => schema["properties"] is null ? [] : ["object"],
        };
        // ASP.NET Core documents numbers as "number or string" (they may be sent quoted): the number is what they are.
        var kind = types.Contains("integer") ? Kinds.Integer
            : types.Contains("number") ? Kinds.Number
            : types.Contains("boolean") ? Kinds.Boolean
            : types.Contains("array") ? Kinds.Array
            : types.Contains("object") ? Kinds.Object
            : types.Contains("string") ? Kinds.String
            : Kinds.Any;
        var properties = (schema["properties"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => Read(p.Value, schemas, depth + 1));
        return new ApiSchema(
            kind, schema["format"]?.GetValue<string>(), [], kind == Kinds.Array ? Read(schema["items"], schemas, depth + 1) : null, properties);
    }
}
