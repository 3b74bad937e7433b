using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Hosting;

/// <summary>
/// Requests that change something (every method but GET, HEAD and OPTIONS) run at most
/// <see cref="Database.ChangeRequests"/> at a time; the others wait here, holding neither a connection nor a thread.
/// Reads are never held. Under a full write flow both cores are busy whatever is admitted, so what decides how long a
/// member of staff waits for a page is how much work is ahead of it: in the pool's queue, the thread pool's queue and
/// PostgreSQL's run queue. Bounding the changes (and the consumers, <see cref="Database.MessageHandling"/>) bounds all
/// three, while the write flow loses no throughput: it still has more work admitted than two cores can run.
/// </summary>
public static class ChangeAdmission
{
    public static IApplicationBuilder UseChangeAdmission(this IApplicationBuilder app) =>
        app.Use(next => app.ApplicationServices.GetService<Database>() is { } database ? Admit(next, database.ChangeRequests) : next);

    public static RequestDelegate Admit(RequestDelegate next, SemaphoreSlim changes) => async context =>
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            await next(context);
            return;
        }

        await changes.WaitAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            changes.Release();
        }
    };
}
