namespace Zhaoshang.Load;

/// <summary>
/// Where the four services answer and how the driver proves who it is: staff tokens of the bureau and of finance
/// from the OpenID Connect provider, and the approval system's webhook secret.
/// </summary>
public sealed record SystemUnderLoad(
    Uri Lead, Uri Project, Uri Approval, Uri Funding, string BureauToken, string FinanceToken, string ApprovalSystem, string ApprovalSystemSecret)
{
    public static SystemUnderLoad OnLoopback(int firstPort, DriverTokens tokens, string approvalSystem, string secret) => new(
        new Uri($"http://127.0.0.1:{firstPort}"), new Uri($"http://127.0.0.1:{firstPort + 1}"),
        new Uri($"http://127.0.0.1:{firstPort + 2}"), new Uri($"http://127.0.0.1:{firstPort + 3}"),
        tokens.Bureau, tokens.Finance, approvalSystem, secret);
}

/// <summary>The driver acts as the provider's demo users <c>bureau</c> and <c>finance</c>.</summary>
public sealed record DriverTokens(string Bureau, string Finance)
{
    public static async Task<DriverTokens> SignInAsync(Uri authority, string clientSecret, string password) => new(
        await StaffTokens.SignInAsync(authority, clientSecret, "bureau", password),
        await StaffTokens.SignInAsync(authority, clientSecret, "finance", password));
}
