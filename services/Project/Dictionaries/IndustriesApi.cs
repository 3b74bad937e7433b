using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Dictionaries;

/// <summary>The bureau adds and changes industries; a spelling belongs to one industry only.</summary>
public static class IndustriesApi
{
    internal static async Task<Results<Ok<DictionarySet>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string code, IndustryRequest request, HttpContext http, Database database, BureauDictionaries dictionaries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = DictionaryRules.Validate(code, request);
        if (!errors.IsValid)
            return errors.ToProblem();
        await using var work = await database.BeginAsync(Actor.From(http.User), cancellationToken);
        var held = await DictionariesApi.LockAsync(work);
        var current = held.Industries.FirstOrDefault(i => i.Code == code);
        if ((current?.Version ?? 0) != request.Version)
            return DictionariesApi.Stale("industry", code, current?.Version, current);

        var name = request.Name!.Trim();
        var aliases = DictionaryRules.Aliases(request, current);
        var taken = DictionaryRules.Taken(aliases.Prepend(name), held.Industries.Select(i => (i.Code, i.Aliases.Prepend(i.Name))), code);
        if (taken.Length > 0)
            return DictionariesApi.Taken("industry", taken);

        var changed = new DictionaryIndustry(
            code, name, request.Sector, request.Chain?.Trim(), aliases, request.Active ?? current?.Active ?? true, request.Version!.Value + 1);
        await work.ExecuteAsync(
            """
            INSERT INTO industries (code, name, sector, chain, aliases, active, version)
            VALUES (@Code, @Name, @Sector, @Chain, @Aliases, @Active, @Version)
            ON CONFLICT (code) DO UPDATE
                SET name = excluded.name, sector = excluded.sector, chain = excluded.chain, aliases = excluded.aliases,
                    active = excluded.active, version = excluded.version
            """,
            new { changed.Code, changed.Name, changed.Sector, changed.Chain, Aliases = aliases, changed.Active, changed.Version });
        return TypedResults.Ok(await DictionariesApi.CommitAsync(work, "Industry", current, changed, dictionaries, clock, cancellationToken));
    }
}
