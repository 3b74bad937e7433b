using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Parks;

/// <summary>
/// A service's copy of park (园区) names by id, in its own table <c>parks (id, name, version)</c>: a signing adds the name
/// it carried, a rename replaces it only when newer, so any order of renames and signings ends with the park's current name.
/// </summary>
public static class ParkNames
{
    /// <summary>The name a signing carried, kept at version 0 so that it never overwrites a rename.</summary>
    public static Task AddAsync(UnitOfWork work, Guid parkId, string name) =>
        work.ExecuteAsync("INSERT INTO parks (id, name, version) VALUES (@parkId, @name, 0) ON CONFLICT (id) DO NOTHING", new { parkId, name });

    /// <summary>
    /// Applies a rename if it is newer than the name held; returns whether it was. One statement compares and sets the
    /// version, so renames racing each other keep the newest.
    /// </summary>
    public static async Task<bool> RenameAsync(UnitOfWork work, ParkRenamed message) =>
        await work.ExecuteAsync(
            """
            INSERT INTO parks (id, name, version) VALUES (@ParkId, @Name, @ParkVersion)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version WHERE parks.version < excluded.version
            """,
            new { message.ParkId, message.Name, message.ParkVersion }) == 1;
}
