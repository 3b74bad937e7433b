using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Spreadsheets;

namespace Zhaoshang.Project.Import;

/// <summary>What the rows are checked against, read in the import's transaction from the project service's own tables.</summary>
internal static class ImportReferences
{
    public static async Task<ImportReference> ReadAsync(UnitOfWork work, TimeProvider clock)
    {
        var industries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in await work.QueryAsync<(string, string[])>("SELECT name, aliases FROM industries WHERE active"))
            foreach (var spelling in aliases.Prepend(name))
                industries.TryAdd(spelling, name);
        var districts = (await work.QueryAsync<string>("SELECT name FROM districts WHERE active")).ToHashSet(StringComparer.Ordinal);
        // Key-share: no park can be removed while projects are being placed in it.
        var parks = (await work.QueryAsync<ImportPark>("SELECT id, name, district FROM parks FOR KEY SHARE"))
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
        return new(industries, districts, parks, work.Actor.OwnDistrict, clock.TodayInChina());
    }

    /// <summary>An agreement number twice in the file, or one a project already has: each agreement is one project.</summary>
    public static async Task<IEnumerable<RowProblem>> TakenAgreementsAsync(UnitOfWork work, IReadOnlyList<ImportedProject> projects)
    {
        var taken = (await work.QueryAsync<string>("SELECT agreement_no FROM projects WHERE agreement_no = ANY(@numbers)",
            new { numbers = projects.Select(p => p.AgreementNo).ToArray() })).ToHashSet(StringComparer.Ordinal);
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<RowProblem>();
        foreach (var project in projects)
        {
            if (taken.Contains(project.AgreementNo))
                problems.Add(new(project.Row, ProjectSheet.AgreementNo, $"{project.AgreementNo} 已是系统中项目的协议编号。"));
            else if (!firstRow.TryAdd(project.AgreementNo, project.Row))
                problems.Add(new(project.Row, ProjectSheet.AgreementNo, $"{project.AgreementNo} 与第{firstRow[project.AgreementNo]}行重复。"));
        }

        return problems;
    }
}
