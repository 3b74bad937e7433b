using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Dictionaries;

/// <summary>The bureau adds and changes source regions (a place lies in one region only) and districts.</summary>
public static class PlacesApi
{
    internal static async Task<Results<Ok<DictionarySet>, ValidationProblem, ProblemHttpResult>> PutRegionAsync(
        string code, RegionRequest request, HttpContext http, Database database, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = DictionaryRules.Validate(code, request);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        var held = await DictionariesApi.LockAsync(work);
        var current = held.Regions.FirstOrDefault(r => r.Code == code);
        if ((current?.Version ?? 0) != request.Version)
            return DictionariesApi.Stale("region", code, current?.Version, current);

        var name = request.Name!.Trim();
        var places = request.Places!.Select(p => p.Trim()).Order(StringComparer.Ordinal).ToArray();
        var taken = DictionaryRules.Taken(places.Prepend(name), held.Regions.Select(r => (r.Code, r.Places.Prepend(r.Name))), code);
        if (taken.Length > 0)
            return DictionariesApi.Taken("region", taken);

        var changed = new DictionaryRegion(code, name, places, request.Active ?? current?.Active ?? true, request.Version!.Value + 1);
        await work.ExecuteAsync(
            """
            INSERT INTO regions (code, name, places, active, version) VALUES (@Code, @Name, @Places, @Active, @Version)
            ON CONFLICT (code) DO UPDATE
                SET name = excluded.name, places = excluded.places, active = excluded.active, version = excluded.version
            """,
            new { changed.Code, changed.Name, Places = places, changed.Active, changed.Version });
        return TypedResults.Ok(await DictionariesApi.CommitAsync(work, "Region", current, changed, dictionaries, clock, cancellationToken));
    }

    internal static async Task<Results<Ok<DictionarySet>, ValidationProblem, ProblemHttpResult>> PutDistrictAsync(
        string code, DistrictRequest request, HttpContext http, Database database, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = DictionaryRules.Validate(code, request);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        var held = await DictionariesApi.LockAsync(work);
        var current = held.Districts.FirstOrDefault(d => d.Code == code);
        if ((current?.Version ?? 0) != request.Version)
            return DictionariesApi.Stale("district", code, current?.Version, current);

        var name = request.Name!.Trim();
        var taken = DictionaryRules.Taken([name], held.Districts.Select(d => (d.Code, (IEnumerable<string>)new[] { d.Name })), code);
        if (taken.Length > 0)
            return DictionariesApi.Taken("district", taken);

        var changed = new DictionaryDistrict(code, name, request.Active ?? current?.Active ?? true, request.Version!.Value + 1);
        await work.ExecuteAsync(
            """
            INSERT INTO districts (code, name, active, version) VALUES (@Code, @Name, @Active, @Version)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = excluded.active, version = excluded.version
            """,
            changed);
        return TypedResults.Ok(await DictionariesApi.CommitAsync(work, "District", current, changed, dictionaries, clock, cancellationToken));
    }
}
