using System.Text.Encodings.Web;
using System.Text.Json;

namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>A JSON value to put where the schema expects something; refused ones must get a 4xx whatever the rest says.</summary>
internal sealed record Hostile(string What, string Json, bool Refused);

/// <summary>The hostile values the fuzzer tries, by the kind of value the schema expects.</summary>
internal static class HostileInput
{
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Awkward but valid text: where it is accepted it must be stored and returned exactly.</summary>
    public static readonly IReadOnlyList<(string What, string Text)> AwkwardText =
    [
        ("chinese", "云南省昆明市安宁工业园区绿色铝精深加工项目"),
        ("emoji", "招商😀🚀👨‍👩‍👧‍👦🇨🇳"),
        ("combining marks", "Ze\u0301\u0302\u0303 Z̴̛a̷l̸g̶o̵ ǹ"),
        ("right-to-left", "مرحبا \u202Eevil\u202C שלום"),
        ("zero-width", "零\u200B宽\u200C连\u200D接\uFEFF符"),
        ("4-byte", "𠀀𪚥𝄞𝕏𠮷野家"),
        ("full-width", "ＡＢＣ１２３（全角）＃＄％"),
        ("quotes and backslashes", "\"双引号\" '单引号' `反引号` \\反斜杠\\ \\u0000 \\\""),
        ("sql injection", "'; DROP TABLE projects; --"),
        ("sql injection 2", "' OR '1'='1' /* */ UNION SELECT * FROM audit_log --"),
        ("html", "<script>alert('招商')</script><img src=x onerror=alert(1)>"),
        ("format strings", "%s %n {0} ${jndi:ldap://x} {{7*7}} %00"),
        ("control characters", "tab\there\r\nnew line\u0001\u001F\u007F"),
        ("non-characters", "\uFFFE\uFFFF\uFDD0"),
    ];

    public static readonly string HugeText = new('字', 100_000);
    public static readonly string HugeFourByteText = string.Concat(Enumerable.Repeat("𠀀", 50_000));

    public static string Json(string text) => JsonSerializer.Serialize(text, Raw);

    /// <summary>What a value of this schema may be replaced with: the wrong types, then hostile values of the right one.</summary>
    public static IEnumerable<Hostile> For(ApiSchema schema) => WrongTypes(schema).Concat(RightType(schema)).Append(new("null", "null", false));

    private static IEnumerable<Hostile> WrongTypes(ApiSchema schema)
    {
        var wrong = schema.Kind switch
        {
            ApiSchema.Kinds.String or ApiSchema.Kinds.Enum => ["12345", "true", "{}", "[]"],
            ApiSchema.Kinds.Number or ApiSchema.Kinds.Integer => ["\"abc\"", "true", "{}", "[]"],
            ApiSchema.Kinds.Boolean => ["\"abc\"", "1", "{}", "[]"],
            ApiSchema.Kinds.Array => ["\"abc\"", "1", "{}"],
            ApiSchema.Kinds.Object => ["\"abc\"", "1", "[]"],
            _ => Array.Empty<string>(),
        };
        return wrong.Select(json => new Hostile($"wrong type {json}", json, true));
    }

    private static IEnumerable<Hostile> RightType(ApiSchema schema) => schema.Kind switch
    {
        ApiSchema.Kinds.String when schema.Format == "date" => Dates(),
        ApiSchema.Kinds.String when schema.Format == "date-time" => Instants(),
        ApiSchema.Kinds.String when schema.Format == "uuid" => Ids(),
        ApiSchema.Kinds.String => Texts(),
        ApiSchema.Kinds.Number => Numbers(),
        ApiSchema.Kinds.Integer => Integers(),
        ApiSchema.Kinds.Boolean => [new("true", "true", false), new("quoted boolean", "\"true\"", true), new("zero", "0", true)],
        ApiSchema.Kinds.Enum => EnumNames(schema),
        ApiSchema.Kinds.Array => Arrays(schema),
        _ => [],
    };

    private static IEnumerable<Hostile> Texts() =>
        AwkwardText.Select(t => new Hostile(t.What, Json(t.Text), false)).Concat(
        [
            new("empty", "\"\"", false),
            new("blank", "\" \\t\\n \"", false),
            new("100k chars", Json(HugeText), false),
            new("100k 4-byte chars", Json(HugeFourByteText), false),
            new("U+0000", "\"a\\u0000b\"", true),
            new("lone high surrogate", "\"\\ud800\"", true),
            new("lone low surrogate", "\"x\\udc00y\"", true),
            new("reversed surrogates", "\"\\udc00\\ud800\"", true),
        ]);

    private static IEnumerable<Hostile> Numbers() =>
    [
        new("1e400", "1e400", true),
        new("above decimal", "79228162514264337593543950336", true),
        new("NaN", "\"NaN\"", true),
        new("Infinity", "\"Infinity\"", true),
        new("-Infinity", "\"-Infinity\"", true),
        new("leading zero", "0123", true),
        new("hex", "0x10", true),
        new("decimal max", "79228162514264337593543950335", false),
        new("-decimal max", "-79228162514264337593543950335", false),
        new("1e20", "1e20", false),
        new("numeric(18,2) max", "9999999999999999.99", false),
        new("above numeric(18,2)", "10000000000000000", false),
        new("negative", "-1", false),
        new("zero", "0", false),
        new("minus zero", "-0", false),
        new("finer than the fen", "0.001", false),
        new("28 decimals", "0.0000000000000000000000000001", false),
        new("9 decimals", "0.123456789", false),
        new("quoted", "\"12.5\"", false),
    ];

    private static IEnumerable<Hostile> Integers() =>
    [
        new("above int", "2147483648", true),
        new("below int", "-2147483649", true),
        new("huge", "99999999999999999999999", true),
        new("fraction", "1.5", true),
        new("exponent", "1e3", true),
        new("int max", "2147483647", false),
        new("int min", "-2147483648", false),
        new("negative", "-1", false),
        new("zero", "0", false),
        new("quoted", "\"7\"", false),
    ];

    private static IEnumerable<Hostile> Dates() =>
    [
        new("30 February", "\"2026-02-30\"", true),
        new("month 13", "\"2026-13-01\"", true),
        new("slashes", "\"2026/01/01\"", true),
        new("with time", "\"2026-01-01T00:00:00\"", true),
        new("empty", "\"\"", true),
        new("number", "20260101", true),
        new("year 1", "\"0001-01-01\"", false),
        new("year 9999", "\"9999-12-31\"", false),
        new("1900", "\"1900-01-01\"", false),
        new("2099", "\"2099-12-31\"", false),
    ];

    private static IEnumerable<Hostile> Instants() =>
    [
        new("past the end in UTC", "\"9999-12-31T23:59:59-14:00\"", true),
        new("before the start in UTC", "\"0001-01-01T00:00:00+14:00\"", true),
        new("30 February", "\"2026-02-30T00:00:00Z\"", true),
        new("words", "\"yesterday\"", true),
        new("last second", "\"9999-12-31T23:59:59Z\"", false),
        new("first second", "\"0001-01-01T00:00:00Z\"", false),
        new("China time", "\"2026-01-01T00:00:00+08:00\"", false),
    ];

    private static IEnumerable<Hostile> Ids() =>
    [
        new("not a uuid", "\"not-a-uuid\"", true),
        new("short uuid", "\"00000000-0000-0000-0000-00000000000\"", true),
        new("number", "123", true),
        new("empty uuid", "\"00000000-0000-0000-0000-000000000000\"", false),
        new("unknown uuid", $"\"{Guid.NewGuid()}\"", false),
    ];

    private static IEnumerable<Hostile> EnumNames(ApiSchema schema) =>
    [
        new("unknown name", "\"NotAMember\"", true),
        new("empty", "\"\"", true),
        new("number", "999", true),
        new("number as text", "\"999\"", true),
        new("sql injection", Json("' OR 1=1 --"), true),
        new("lower case", Json(schema.Enum[0].ToLowerInvariant()), false),
    ];

    private static IEnumerable<Hostile> Arrays(ApiSchema schema)
    {
        yield return new("empty array", "[]", false);
        yield return new("array of null", "[null]", false);
        var item = schema.Items?.Kind == ApiSchema.Kinds.Number ? "7.9e28" : "\"x\"";
        yield return new("10k items", $"[{string.Join(',', Enumerable.Repeat(item, 10_000))}]", false);
        foreach (var hostile in schema.Items is null ? [] : For(schema.Items).Where(h => h.Json != "null"))
            yield return hostile with { What = $"item {hostile.What}", Json = $"[{hostile.Json},{hostile.Json}]" };
    }
}
