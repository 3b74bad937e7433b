namespace Zhaoshang.IntegrationTests.Infrastructure;

/// <summary>Asserts an asynchronous outcome by polling until it holds, instead of sleeping.</summary>
internal static class Eventually
{
    public static async Task<T> AssertAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        T last;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe();
                if (holds(last))
                    return last;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                last = default!;
                lastError = ex;
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}. Last value: {last}", lastError);
            await Task.Delay(100);
        }
    }
}
