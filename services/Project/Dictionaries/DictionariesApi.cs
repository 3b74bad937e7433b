using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Dictionaries;

/// <summary>All three dictionaries at one version, as staff read them and every change returns them.</summary>
public sealed record DictionarySet(
    int Version, IReadOnlyList<DictionaryIndustry> Industries, IReadOnlyList<DictionaryRegion> Regions,
    IReadOnlyList<DictionaryDistrict> Districts, DateTimeOffset ChangedAt)
{
    public static DictionarySet Of(DictionariesChanged snapshot) =>
        new(snapshot.Version, snapshot.Industries, snapshot.Regions, snapshot.Districts, snapshot.ChangedAt);
}

/// <summary>
/// The dictionaries' one owner: the bureau keeps industries, source regions and districts here; lead and funding group
/// and validate by their copies, which follow <see cref="DictionariesChanged"/>. Entries are deactivated, never deleted,
/// so records naming them keep their meaning.
/// </summary>
public static class DictionariesApi
{
    public static IEndpointRouteBuilder MapDictionariesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dictionaries").WithTag("Dictionaries (字典)",
            "Industries (行业, with sector 一产/二产/三产 and 产业链), source regions (来源地区) with the places they hold, and districts (区县): what statistics group by and forms choose from.");
        api.MapGet("/", GetAsync).WithName("GetDictionaries").AllowRoles(Roles.Staff)
            .WithSummary("The industries, source regions and districts, with the dictionaries' version.");
        api.MapPut("/industries/{code}", IndustriesApi.PutAsync).WithName("PutIndustry").AllowRoles(Roles.Bureau)
            .WithSummary("Adds (version 0) or changes an industry; a renamed one keeps its old name as an alias. Every copying service follows.");
        api.MapPut("/regions/{code}", PlacesApi.PutRegionAsync).WithName("PutRegion").AllowRoles(Roles.Bureau)
            .WithSummary("Adds (version 0) or changes a source region and the places it holds.");
        api.MapPut("/districts/{code}", PlacesApi.PutDistrictAsync).WithName("PutDistrict").AllowRoles(Roles.Bureau)
            .WithSummary("Adds (version 0) or changes a district.");
        return app;
    }

    internal static async Task<Ok<DictionarySet>> GetAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(DictionarySet.Of(await DictionaryTables.ReadAsync(connection)));
    }

    /// <summary>Serialises dictionary changes (they are rare) and reads the dictionaries as they are under the lock.</summary>
    internal static async Task<DictionariesChanged> LockAsync(UnitOfWork work)
    {
        await work.ExecuteAsync("SELECT version FROM dictionary_versions FOR UPDATE");
        return await DictionaryTables.ReadAsync(work.Connection, work.Transaction);
    }

    /// <summary>An entry's version did not match the one held: 409, with the entry as it is when there is one.</summary>
    internal static ProblemHttpResult Stale(string what, string code, int? currentVersion, object? current) =>
        current is null
            ? Problems.Conflict("The dictionary was changed meanwhile.", $"No {what} {code} is held; send version 0 to add it.")
            : Problems.StaleVersion(what, currentVersion!.Value, current);

    internal static ProblemHttpResult Taken(string what, IEnumerable<string> spellings) =>
        Problems.Conflict($"Another {what} has this spelling.", $"{string.Join(", ", spellings)} already names another {what}.");

    /// <summary>
    /// Raises the dictionaries' version, audits the entry's change and publishes the whole snapshot in the change's
    /// transaction; this instance takes it at once.
    /// </summary>
    internal static async Task<DictionarySet> CommitAsync(
        UnitOfWork work, string recordType, object? before, object after, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await work.ExecuteAsync("UPDATE dictionary_versions SET version = version + 1, changed_at = @now", new { now = clock.GetUtcNow() });
        var snapshot = await DictionaryTables.ReadAsync(work.Connection, work.Transaction);
        await work.AuditAsync(recordType, DictionaryTables.RecordId, before is null ? "created" : "updated", before, after);
        await work.PublishAsync(snapshot);
        await work.CommitAsync(cancellationToken);
        dictionaries.Apply(snapshot);
        return DictionarySet.Of(snapshot);
    }
}
