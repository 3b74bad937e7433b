using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Project.MasterData;

/// <summary>
/// A project's master data (项目基本信息): its name, 建设内容, 地点, planned start and finish, 就业人数, and what the enterprise
/// committed to per 亩: 投资强度 and 亩均税收, both in 万元/亩. Empty until staff enter it.
/// </summary>
public sealed record ProjectMasterData(
    string? Name, string? ConstructionContent, string? Location, DateOnly? PlannedStartOn, DateOnly? PlannedFinishOn, int? Jobs,
    decimal? CommittedInvestmentIntensity, decimal? CommittedTaxPerMu);

/// <summary>The master data as staff send it, with the project's version they read; fields left out are cleared.</summary>
public sealed record MasterDataRequest(
    string? Name, string? ConstructionContent, string? Location, DateOnly? PlannedStartOn, DateOnly? PlannedFinishOn, int? Jobs,
    decimal? CommittedInvestmentIntensity, decimal? CommittedTaxPerMu, int? Version)
{
    /// <summary>万元 per 亩, as numeric(12,2) keeps it, far beyond any real commitment.</summary>
    public const decimal MaxPerMu = 99_999_999.99m;

    public const int MaxJobs = 10_000_000;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .RequireText("name", Name)
            .CheckDate("plannedStartOn", PlannedStartOn)
            .CheckDate("plannedFinishOn", PlannedFinishOn)
            .RequireVersion(Version);
        if (ConstructionContent?.Length > 4000)
            errors.Add("constructionContent", "'constructionContent' must be at most 4000 characters.");
        if (Location?.Length > 200)
            errors.Add("location", "'location' must be at most 200 characters.");
        if (PlannedFinishOn < PlannedStartOn)
            errors.Add("plannedFinishOn", "'plannedFinishOn' cannot be before 'plannedStartOn'.");
        if (Jobs is < 0 or > MaxJobs)
            errors.Add("jobs", $"'jobs' must be between 0 and {MaxJobs}.");
        CheckPerMu(errors, "committedInvestmentIntensity", CommittedInvestmentIntensity);
        CheckPerMu(errors, "committedTaxPerMu", CommittedTaxPerMu);
        return errors;
    }

    public ProjectMasterData ToMasterData() => new(
        Name!.Trim(), Blank(ConstructionContent), Blank(Location), PlannedStartOn, PlannedFinishOn, Jobs, CommittedInvestmentIntensity,
        CommittedTaxPerMu);

    private static void CheckPerMu(ValidationErrors errors, string field, decimal? value)
    {
        if (value is < 0 or > MaxPerMu)
            errors.Add(field, $"'{field}' is in 万元/亩, from 0 to {MaxPerMu}.");
        else if (value is { } given && decimal.Round(given, 2) != given)
            errors.Add(field, $"'{field}' must not be finer than 0.01 万元/亩.");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
