using Zhaoshang.Platform.Data;

namespace Zhaoshang.Funding.Parks;

/// <summary>园区 names by id, as the project service last renamed them: ledgers show and are scoped by the current name.</summary>
internal static class ParkNames
{
    /// <summary>The name a signing gave the park, unless a rename already arrived (version 0 never overwrites).</summary>
    public static Task KnowAsync(UnitOfWork work, Guid parkId, string name) =>
        work.ExecuteAsync("INSERT INTO parks (id, name, version) VALUES (@parkId, @name, 0) ON CONFLICT (id) DO NOTHING", new { parkId, name });

    /// <summary>Takes the name when the rename is newer than the one known; true when it did.</summary>
    public static async Task<bool> RenameAsync(UnitOfWork work, Guid parkId, string name, int version) =>
        await work.ExecuteAsync(
            """
            INSERT INTO parks (id, name, version) VALUES (@parkId, @name, @version)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version WHERE parks.version < excluded.version
            """,
            new { parkId, name, version }) == 1;
}
