using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Errors;

/// <summary>
/// A database that is restarting or unreachable is the server's passing trouble, not a fault of the request:
/// 503 with Retry-After, so callers (and the driver) retry instead of treating it as a 500. The transaction was
/// never committed, so nothing of the request was kept.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(
    IProblemDetailsService problemDetails, Database database, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not NpgsqlException { IsTransient: true } && exception.InnerException is not NpgsqlException { IsTransient: true })
            return false;

        database.ForgetPooledConnections();
        logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database is unavailable.",
                Detail = "Nothing was changed. Retry in a few seconds.",
            },
            Exception = exception,
        });
    }
}
