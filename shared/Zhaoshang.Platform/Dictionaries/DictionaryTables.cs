using Dapper;
using Npgsql;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;

namespace Zhaoshang.Platform.Dictionaries;

/// <summary>
/// The dictionaries in a service's own tables (<c>industries</c>, <c>regions</c>, <c>districts</c>,
/// <c>dictionary_versions</c>): the project service owns them, lead and funding keep a copy from
/// <see cref="DictionariesChanged"/>, taking a snapshot only when it is newer than the one held.
/// </summary>
public static class DictionaryTables
{
    /// <summary>The id the dictionaries' changes are audited under.</summary>
    public static readonly Guid RecordId = Guid.Parse("00000000-0000-0000-0000-0000d1c70000");

    public static async Task<DictionariesChanged> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        using var reader = await connection.QueryMultipleAsync(
            """
            SELECT version, changed_at FROM dictionary_versions;
            SELECT code, name, sector, chain, aliases, active, version FROM industries ORDER BY name;
            SELECT code, name, places, active, version FROM regions ORDER BY code;
            SELECT code, name, active, version FROM districts ORDER BY code;
            """,
            transaction: transaction);
        var held = await reader.ReadSingleAsync<VersionRow>();
        var industries = (await reader.ReadAsync<IndustryRow>()).Select(r => r.ToIndustry()).ToList();
        var regions = (await reader.ReadAsync<RegionRow>()).Select(r => new DictionaryRegion(r.Code, r.Name, r.Places, r.Active, r.Version)).ToList();
        var districts = (await reader.ReadAsync<DictionaryDistrict>()).ToList();
        return new DictionariesChanged(held.Version, industries, regions, districts, held.ChangedAt);
    }

    /// <summary>
    /// A copy's side: replaces the tables with the snapshot if it is newer than the one held, in the consumer's
    /// transaction, and takes it into memory. One statement compares and sets the version, so snapshots racing each
    /// other keep the newest.
    /// </summary>
    public static async Task ApplyAsync(UnitOfWork work, BureauDictionaries dictionaries, DictionariesChanged message)
    {
        var applied = await work.ExecuteAsync(
            "UPDATE dictionary_versions SET version = @Version, changed_at = @ChangedAt WHERE version < @Version",
            new { message.Version, message.ChangedAt }) == 1;
        if (applied)
        {
            await work.ExecuteAsync("DELETE FROM industries; DELETE FROM regions; DELETE FROM districts;");
            await work.ExecuteAsync(
                "INSERT INTO industries (code, name, sector, chain, aliases, active, version) VALUES (@Code, @Name, @Sector, @Chain, @Aliases, @Active, @Version)",
                message.Industries.Select(i => new { i.Code, i.Name, i.Sector, i.Chain, Aliases = i.Aliases.ToArray(), i.Active, i.Version }));
            await work.ExecuteAsync(
                "INSERT INTO regions (code, name, places, active, version) VALUES (@Code, @Name, @Places, @Active, @Version)",
                message.Regions.Select(r => new { r.Code, r.Name, Places = r.Places.ToArray(), r.Active, r.Version }));
            await work.ExecuteAsync(
                "INSERT INTO districts (code, name, active, version) VALUES (@Code, @Name, @Active, @Version)", message.Districts);
            await work.AuditAsync("Dictionaries", RecordId, "copied", null, new { message.Version });
        }

        dictionaries.Apply(message);
    }

    private sealed record VersionRow(int Version, DateTimeOffset ChangedAt);

    private sealed record IndustryRow(string Code, string Name, string? Sector, string? Chain, string[] Aliases, bool Active, int Version)
    {
        public DictionaryIndustry ToIndustry() => new(Code, Name, Sector, Chain, Aliases, Active, Version);
    }

    private sealed record RegionRow(string Code, string Name, string[] Places, bool Active, int Version);
}
