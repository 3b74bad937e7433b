using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.Platform.Errors;

/// <summary>
/// Turns request-binding failures (malformed JSON, a wrong type, an unknown field, an oversized body) into
/// ProblemDetails that name the offending field, instead of a bare status code.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, RequestBodyLimit bodyLimit) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        // Kestrel's "body too large" may arrive wrapped in the JSON binder's "failed to read" (a chunked body).
        var status = TooLarge(exception) ? StatusCodes.Status413PayloadTooLarge : badRequest.StatusCode;
        var limit = httpContext.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() ?? bodyLimit;
        var problem = status == StatusCodes.Status413PayloadTooLarge ? limit.Problem() : Describe(badRequest);
        problem.Status = status;
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static bool TooLarge(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                return true;
        }

        return false;
    }

    private static ProblemDetails Describe(BadHttpRequestException badRequest)
    {
        var (field, message) = FieldOf(badRequest);
        ProblemDetails problem = field is null
            ? new ProblemDetails { Detail = badRequest.Message }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message!] })
            {
                Detail = $"The field '{field}' could not be read.",
            };
        problem.Title = "The request could not be read.";
        return problem;
    }

    private static (string? Field, string? Message) FieldOf(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            if (UnmappedMember().Match(json.Message) is { Success: true } unmapped)
                return (unmapped.Groups["name"].Value, $"'{unmapped.Groups["name"].Value}' is not a field of this request.");
            if (json is UnstorableTextException text)
            {
                // The path is the object's ("$" or "$.approvalProfile"); the exception names the property in it.
                var field = json.Path is { Length: > 2 } parent ? $"{parent[2..]}.{text.Property}" : text.Property;
                return (field, $"'{field}' {json.Message}");
            }

            if (json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal))
            {
                var field = path[2..];
                return (field, $"'{field}' is missing a value of the expected type or format.");
            }
        }

        var parameter = BindingFailure().Match(exception.Message);
        return parameter.Success
            ? (parameter.Groups["name"].Value, $"'{parameter.Groups["name"].Value}' is missing a value of the expected type or format.")
            : (null, null);
    }

    /// <summary>How ASP.NET Core reports a query or route value that does not convert, e.g. an unknown enum name.</summary>
    [GeneratedRegex(@"^Failed to bind parameter ""[^""]* (?<name>\w+)"" from")]
    private static partial Regex BindingFailure();

    /// <summary>How System.Text.Json reports a property the request type does not have.</summary>
    [GeneratedRegex(@"^The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();
}
