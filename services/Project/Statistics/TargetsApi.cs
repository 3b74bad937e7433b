using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Statistics;

public sealed record TargetItem(StatisticsIndicator Indicator, string? District, decimal Value, int Version);

public sealed record TargetList(int Year, IReadOnlyList<TargetItem> Items);

public sealed record SetTargetRequest(decimal? Value, int? Version);

/// <summary>The bureau's yearly targets (目标) per indicator, for the city (no district) and each district; versioned, audited.</summary>
public static class TargetsApi
{
    private const decimal MaxValue = 999_999_999_999_999_999.99m;

    public static RouteGroupBuilder MapTargetsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/targets", GetTargetsAsync).WithName("GetStatisticsTargets").AllowRoles(StatisticsApi.Readers)
            .WithSummary("The year's targets: the city's (district null) and the districts'; district staff see their own.");
        api.MapPut("/targets/{year:int}/{indicator}", SetTargetAsync).WithName("SetStatisticsTarget").AllowRoles(Roles.Bureau)
            .WithSummary("Sets one target (version null creates it; a stale version is a 409 with the current item).");
        return api;
    }

    internal static async Task<Results<Ok<TargetList>, ValidationProblem>> GetTargetsAsync(
        int? year, ClaimsPrincipal user, Database database, CancellationToken cancellationToken)
    {
        if (year is null or < 2000 or > 2100)
            return new ValidationErrors().Add("year", "'year' is required, between 2000 and 2100.").ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        var targets = await StatisticsStore.ReadTargetsAsync(connection, year.Value, Actor.From(user).OwnDistrict);
        return TypedResults.Ok(new TargetList(year.Value, targets.Select(t => new TargetItem(t.Indicator, t.District, t.Value, t.Version)).ToList()));
    }

    internal static async Task<Results<Ok<TargetItem>, ValidationProblem, ProblemHttpResult>> SetTargetAsync(
        int year, string indicator, string? district, SetTargetRequest request, ClaimsPrincipal user, Database database,
        BureauDictionaries dictionaries, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().RequireAmount("value", request.Value, allowZero: true, max: MaxValue);
        if (year is < 2000 or > 2100)
            errors.Add("year", "'year' must be between 2000 and 2100.");
        if (!Enum.TryParse<StatisticsIndicator>(indicator, out var measured) || int.TryParse(indicator, out _))
            errors.Add("indicator", $"'indicator' is one of {string.Join(", ", Enum.GetNames<StatisticsIndicator>())}.");
        district = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        if (district is not null && dictionaries.Snapshot.Districts.All(d => d.Name != district))
            errors.Add("district", $"'district' must be a district of the bureau's dictionary, unlike {district}.");
        if (request.Version is < 1)
            errors.Add("version", "'version' is the version you read (1 or more), or null to create the target.");
        if (!errors.IsValid)
            return errors.ToProblem();

        await using var work = await database.BeginAsync(Actor.From(user), cancellationToken);
        var key = new { year, Indicator = measured.ToString(), district };
        var current = await work.QuerySingleOrDefaultAsync<TargetItem>(
            """
            SELECT indicator, district, value, version FROM statistics_targets
            WHERE year = @year AND indicator = @Indicator AND coalesce(district, '') = coalesce(@district, '')
            FOR UPDATE
            """, key);
        if (current?.Version != request.Version)
            return current is null
                ? Problems.Conflict("There is no such target yet.", "Send 'version': null to create it.")
                : Problems.StaleVersion("Target", current.Version, current);
        var changed = new TargetItem(measured, district, request.Value!.Value, (current?.Version ?? 0) + 1);
        var written = await work.ExecuteAsync(
            current is null
                ? """
                  INSERT INTO statistics_targets (year, indicator, district, value) VALUES (@year, @Indicator, @district, @Value)
                  ON CONFLICT DO NOTHING
                  """
                : """
                  UPDATE statistics_targets SET value = @Value, version = @Version, updated_at = now()
                  WHERE year = @year AND indicator = @Indicator AND coalesce(district, '') = coalesce(@district, '')
                  """,
            new { year, Indicator = measured.ToString(), district, changed.Value, changed.Version });
        // Two creations at once: the second finds the first's row and is told to reload, as an edit on a stale copy is.
        if (written == 0)
            return Problems.Conflict("The target was created meanwhile.", "Reload the targets and send the version you read.");
        await work.AuditAsync("StatisticsTarget", TargetId(year, measured, district), current is null ? "created" : "updated", current, changed);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(changed);
    }

    /// <summary>The audit trail's record id of a target: its key, hashed into a name-based id (the table has no id of its own).</summary>
    private static Guid TargetId(int year, StatisticsIndicator indicator, string? district) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{year}/{indicator}/{district}")));
}
