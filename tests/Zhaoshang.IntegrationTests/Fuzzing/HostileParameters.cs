namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>A query, path or header value (before URL encoding); refused ones must get a 4xx.</summary>
internal sealed record HostileValue(string What, string Value, bool Refused);

/// <summary>
/// The hostile values the fuzzer puts in query strings, paths and headers. They stay below Kestrel's own limits
/// (request line 8 KiB, no NUL in a path, ASCII headers): Kestrel refuses those itself, with a bare status, before any
/// application code runs.
/// </summary>
internal static class HostileParameters
{
    /// <summary>A query or path value is only compared or looked up, never stored: a few kinds of awkward text cover it.</summary>
    private static readonly string[] QueryTexts = ["chinese", "emoji", "4-byte", "sql injection", "quotes and backslashes", "control characters"];

    public static IEnumerable<HostileValue> For(ApiSchema schema, string location)
    {
        var values = schema.Kind switch
        {
            ApiSchema.Kinds.Integer => Integers(),
            ApiSchema.Kinds.Number => Numbers(),
            ApiSchema.Kinds.Boolean => [new("not a boolean", "yes", true), new("true", "true", false)],
            ApiSchema.Kinds.Enum =>
            [
                new("unknown name", "NotAMember", true), new("number", "999", false), new("lower case", schema.Enum[0].ToLowerInvariant(), false),
            ],
            ApiSchema.Kinds.String when schema.Format == "date" => Dates(),
            ApiSchema.Kinds.String when schema.Format == "uuid" => Ids(),
            _ => Texts(location),
        };
        return location == "query" ? values.Append(new("U+0000", "a\0b", true)) : values;
    }

    private static IEnumerable<HostileValue> Integers() =>
    [
        new("text", "abc", true),
        new("fraction", "1.5", true),
        new("above int", "2147483648", true),
        new("huge", "99999999999999999999999", true),
        new("int max", "2147483647", false),
        new("int min", "-2147483648", false),
        new("negative", "-1", false),
        new("zero", "0", false),
    ];

    private static IEnumerable<HostileValue> Numbers() =>
    [
        new("text", "abc", true),
        new("NaN", "NaN", true),
        new("1e400", "1e400", true),
        new("decimal max", "79228162514264337593543950335", false),
        new("negative", "-1", false),
        new("finer than the fen", "0.001", false),
    ];

    private static IEnumerable<HostileValue> Dates() =>
    [
        new("30 February", "2026-02-30", true),
        new("words", "yesterday", true),
        new("year 1", "0001-01-01", false),
        new("year 9999", "9999-12-31", false),
    ];

    private static IEnumerable<HostileValue> Ids() =>
    [
        new("not a uuid", "not-a-uuid", true),
        new("empty uuid", Guid.Empty.ToString(), false),
        new("unknown uuid", Guid.NewGuid().ToString(), false),
    ];

    private static IEnumerable<HostileValue> Texts(string location)
    {
        var texts = location == "header"
            ? [new("sql injection", "'; DROP TABLE incentive_payments; --", false), new("101 chars", new string('k', 101), false)]
            : HostileInput.AwkwardText.Where(t => QueryTexts.Contains(t.What)).Select(t => new HostileValue(t.What, t.Text, false)).ToList();
        return texts.Concat(
        [
            new("empty", "", false),
            new("4000 chars", new string('x', 4000), false),
            new("path traversal", "../../etc/passwd", false),
        ]);
    }
}
