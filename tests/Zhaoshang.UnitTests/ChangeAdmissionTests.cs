using Microsoft.AspNetCore.Http;
using Zhaoshang.Platform.Hosting;

namespace Zhaoshang.UnitTests;

public class ChangeAdmissionTests
{
    private sealed class Handlers
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running;

        public int Running => Volatile.Read(ref _running);

        public async Task HandleAsync(HttpContext context)
        {
            Interlocked.Increment(ref _running);
            if (context.Request.Method != HttpMethods.Get)
                await _release.Task;
        }

        public void Release() => _release.SetResult();
    }

    private static HttpContext Request(string method) => new DefaultHttpContext { Request = { Method = method } };

    [Fact]
    public async Task Changes_beyond_the_slots_wait_while_reads_pass_straight_through()
    {
        var handlers = new Handlers();
        var changes = new SemaphoreSlim(2);
        var admitted = ChangeAdmission.Admit(handlers.HandleAsync, changes);

        var writes = new[] { HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete }.Select(m => admitted(Request(m))).ToArray();
        Assert.Equal(2, handlers.Running);
        Assert.False(writes[2].IsCompleted);

        // Every change slot is taken and a third change waits: a read still runs at once.
        var read = admitted(Request(HttpMethods.Get));
        Assert.True(read.IsCompletedSuccessfully);
        Assert.Equal(3, handlers.Running);

        handlers.Release();
        await Task.WhenAll(writes);
        Assert.Equal(4, handlers.Running);
        Assert.Equal(2, changes.CurrentCount);
    }

    [Fact]
    public async Task A_change_whose_client_gave_up_while_waiting_never_runs_and_takes_no_slot()
    {
        var handlers = new Handlers();
        var changes = new SemaphoreSlim(1);
        var admitted = ChangeAdmission.Admit(handlers.HandleAsync, changes);
        var first = admitted(Request(HttpMethods.Post));
        using var gone = new CancellationTokenSource();
        var waiting = Request(HttpMethods.Patch);
        waiting.RequestAborted = gone.Token;
        var second = admitted(waiting);

        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        handlers.Release();
        await first;
        Assert.Equal(1, handlers.Running);
        Assert.Equal(1, changes.CurrentCount);
    }
}
