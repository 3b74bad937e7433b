namespace Zhaoshang.Load;

/// <summary>
/// Where the four services answer and how the driver proves who it is: staff tokens signed with the services'
/// key, and the approval system's webhook secret.
/// </summary>
public sealed record SystemUnderLoad(
    Uri Lead, Uri Project, Uri Approval, Uri Funding, string SigningKey, string ApprovalSystem, string ApprovalSystemSecret)
{
    public static SystemUnderLoad OnLoopback(int firstPort, string signingKey, string approvalSystem, string secret) => new(
        new Uri($"http://127.0.0.1:{firstPort}"), new Uri($"http://127.0.0.1:{firstPort + 1}"),
        new Uri($"http://127.0.0.1:{firstPort + 2}"), new Uri($"http://127.0.0.1:{firstPort + 3}"),
        signingKey, approvalSystem, secret);
}
