using Microsoft.AspNetCore.Http;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Idempotency;

/// <summary>
/// A creating request that carries an Idempotency-Key, while its endpoint runs. The endpoint's unit of work does not
/// commit when the endpoint says so: it is held until the answer is written, then the answer is stored under the key
/// and both commit together. So the key is used exactly when the change is kept, and a twin request racing this one
/// waits on the key's row and is answered with what this one answered.
/// </summary>
internal sealed class IdempotentRequest(string caller, string key, byte[] fingerprint)
{
    /// <summary>Ambient, because the unit of work is opened by endpoint code that knows nothing of the key.</summary>
    private static readonly AsyncLocal<IdempotentRequest?> Ambient = new();

    public static IdempotentRequest? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public string Caller => caller;

    public string Key => key;

    /// <summary>SHA-256 of the method, path, query and body.</summary>
    public byte[] Fingerprint => fingerprint;

    /// <summary>The endpoint's unit of work, committed by the endpoint but held until its answer is stored.</summary>
    public UnitOfWork? Work { get; private set; }

    public void Hold(UnitOfWork work)
    {
        // Two commits could not both be tied to one answer: the first would be kept even if the answer were not.
        if (Work is not null)
            throw new InvalidOperationException("A creating request sent with an Idempotency-Key commits one unit of work.");
        Work = work;
        work.HeldUntilAnswered = true;
    }

    /// <summary>The held unit of work, now committed or abandoned: a held one not committed by now rolls back.</summary>
    public async ValueTask ReleaseAsync()
    {
        if (Work is not { } work)
            return;
        Work = null;
        work.HeldUntilAnswered = false;
        await work.DisposeAsync();
    }

    public static IdempotentRequest? Of(HttpContext context) => context.Features.Get<IdempotentRequest>();
}
