namespace Zhaoshang.IntegrationTests.Fuzzing;

/// <summary>
/// Every request the fuzzer sends to one operation: the body cases, then hostile values in each query, path and
/// header parameter (one at a time, the rest valid), and an oversized body declared and chunked.
/// </summary>
internal static class FuzzCases
{
    public static IEnumerable<FuzzCase> For(ApiOperation operation, FuzzTargets targets)
    {
        var path = operation.In("path").ToDictionary(p => p.Name, p => targets.PathValue(operation, p));
        var valid = new FuzzCase("valid", false) { Path = path, Headers = Headers(operation) };
        var changes = operation.Method != HttpMethod.Get;

        if (operation.Body is not null)
        {
            foreach (var (what, body, contentType, refused) in BodyCases.For(operation.Body, operation.BodyRequired, targets.Hints(operation)))
                yield return valid with { What = what, Refused = refused, Body = body, ContentType = contentType, Headers = Headers(operation) };
        }
        else
        {
            yield return valid;
            if (changes)
                yield return valid with { What = "unexpected body", Body = "{\"unexpected\":1}"u8.ToArray(), Headers = Headers(operation) };
        }

        var sample = operation.Body is null ? null : System.Text.Encoding.UTF8.GetBytes(BodyCases.Sample(operation.Body, targets.Hints(operation)));
        foreach (var parameter in operation.In("query"))
        {
            foreach (var value in HostileParameters.For(parameter.Schema, "query"))
                yield return valid with { What = $"?{parameter.Name}: {value.What}", Refused = value.Refused, Query = [new(parameter.Name, value.Value)], Body = sample };
            yield return valid with { What = $"?{parameter.Name} twice", Query = [new(parameter.Name, "1"), new(parameter.Name, "2")], Body = sample };
        }

        foreach (var parameter in operation.In("path"))
        {
            foreach (var value in HostileParameters.For(parameter.Schema, "path"))
            {
                var hostile = new Dictionary<string, string>(path) { [parameter.Name] = value.Value };
                yield return valid with { What = $"{{{parameter.Name}}}: {value.What}", Refused = value.Refused, Path = hostile, Body = sample, Headers = Headers(operation) };
            }
        }

        foreach (var parameter in operation.In("header"))
        {
            foreach (var value in HostileParameters.For(parameter.Schema, "header"))
            {
                var hostile = new Dictionary<string, string>(Headers(operation)) { [parameter.Name] = value.Value };
                yield return valid with { What = $"{parameter.Name}: {value.What}", Refused = value.Refused, Headers = hostile, Body = sample };
            }
        }

        if (changes)
        {
            var oversized = BodyCases.Oversized();
            yield return valid with { What = "oversized body", Refused = true, Body = oversized, ExpectedStatus = 413 };
            yield return valid with { What = "oversized chunked body", Refused = true, Body = oversized, Chunked = true, ExpectedStatus = 413 };
        }
    }

    /// <summary>Fresh values for header parameters (an Idempotency-Key is used once).</summary>
    private static Dictionary<string, string> Headers(ApiOperation operation) =>
        operation.In("header").ToDictionary(p => p.Name, _ => $"fuzz-{Guid.NewGuid():N}");
}
