using System.Security.Claims;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Security;

/// <summary>
/// The nonces of signed webhook requests that changed something, recorded in the same transaction as the change: a
/// request whose transaction failed left no nonce and may be sent again as it was; one that committed cannot be replayed.
/// </summary>
public static class WebhookNonces
{
    /// <summary>The claim that carries the request's nonce from the signature check to the endpoint.</summary>
    public const string Claim = "zs_nonce";

    /// <summary>False when the calling system used this nonce before (a replay): the endpoint refuses it.</summary>
    public static async Task<bool> RecordAsync(UnitOfWork work, ClaimsPrincipal user)
    {
        var system = user.FindFirstValue(Actor.SubjectClaim) ?? throw new InvalidOperationException("Not an approval system's signed request.");
        var nonce = user.FindFirstValue(Claim) ?? throw new InvalidOperationException("Not an approval system's signed request.");
        return await work.ExecuteAsync(
            "INSERT INTO webhook_nonces (client, nonce) VALUES (@system, @nonce) ON CONFLICT DO NOTHING", new { system, nonce }) == 1;
    }
}
