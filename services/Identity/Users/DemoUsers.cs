using Dapper;
using Microsoft.Extensions.Options;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Identity.Users;

/// <summary>
/// Development: one demo user per role and scope (<see cref="IdentityProviderOptions.DemoPassword"/>), created at
/// start when missing; an existing one keeps whatever the bureau changed.
/// </summary>
internal sealed class DemoUsers(Database database, UserStore users, IOptions<IdentityProviderOptions> options, ILogger<DemoUsers> logger)
    : IHostedService
{
    public static readonly IReadOnlyList<(string Username, string DisplayName, string Role, string? District, string? Park)> All =
    [
        ("bureau", "市投资促进局 张局长", Roles.Bureau, null, null),
        ("anning", "安宁市投资促进局 李科长", Roles.District, "安宁市", null),
        ("chenggong", "呈贡区投资促进局 王科长", Roles.District, "呈贡区", null),
        ("anning-park", "安宁工业园区管委会 赵主任", Roles.Park, null, "安宁工业园区"),
        ("finance", "市财政局 刘会计", Roles.Finance, null, null),
        ("auditor", "市审计局 陈审计", Roles.Auditor, null, null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoPassword is not { Length: > 0 } password)
            return;
        await using var connection = await database.OpenAsync(cancellationToken);
        var hash = users.Hash(password);
        foreach (var (username, displayName, role, district, park) in All)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO staff_users (id, username, display_name, role, district, park, password_hash)
                VALUES (@id, @username, @displayName, @role, @district, @park, @hash)
                ON CONFLICT DO NOTHING
                """,
                new { id = Guid.CreateVersion7(), username, displayName, role, district, park, hash });
        }

        logger.LogInformation("Demo users: {Users}.", string.Join(", ", All.Select(u => u.Username)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
