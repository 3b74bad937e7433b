using Npgsql;

namespace Zhaoshang.ProvinceData;

/// <summary>
/// The notification service's history: warnings of deadlines met since (an intent assessed late or just in time, a project
/// registered after its 注册 node came due), their grades, clearances and inbox items, most of them read. What is due or
/// late today the services' own scanners announce when they start on these rows.
/// </summary>
internal static class NotificationTables
{
    private sealed record Past(string ItemKey, string Source, string Title, DateOnly DueOn, DateOnly MetOn, string District, string? Park,
        Guid? ProjectId, string Officer, string Link)
    {
        public IEnumerable<(string Grade, int Rank, DateOnly On, int WorkingDays)> Grades()
        {
            yield return ("yellow", 0, DueOn.AddDays(-2), 2);
            if (MetOn > DueOn)
                yield return ("red", 1, DueOn.AddDays(1), 1);
        }
    }

    public static async Task<Dictionary<string, long>> CopyAsync(NpgsqlConnection connection, ProvincePlan plan)
    {
        var copy = new BulkCopy(connection);
        var counts = new Dictionary<string, long>();
        var past = plan.Intents.Where(i => i.AssessedOn is not null && i.Id.GetHashCode() % 3 == 0)
            .Select(i => new Past($"intent:{i.Id}:Assessment", "intent", $"合作意向「{i.Enterprise.Name}」研判", i.ReceivedOn.AddDays(4),
                i.AssessedOn!.Value, i.District, null, i.ProjectId, i.Officer, $"/intents/{i.Id}"))
            .Concat(plan.Projects.Where(p => p.RegisteredOn is not null && p.Number % 3 == 0)
                .Select(p => new Past($"node:{p.Id}:registered", "node", $"项目「{p.Intent.Enterprise.Name}」注册", p.SignedOn!.Value.AddDays(14),
                    p.RegisteredOn!.Value, p.Intent.District, p.Park?.Name, p.Id, p.Intent.Officer, $"/projects/{p.Id}")))
            .ToList();
        counts["warnings"] = await copy.IntoAsync("warnings",
            "item_key, due_on, source, title, district, park, project_id, recipients, link, first_detected_at", past,
            (row, w) => row.Text(w.ItemKey).Date(w.DueOn).Text(w.Source).Text(w.Title).Text(w.District).Text(w.Park).Uuid(w.ProjectId)
                .Texts([w.Officer]).Text(w.Link).Time(ProjectTables.At(w.DueOn.AddDays(-2), 1)));
        var grades = past.SelectMany(w => w.Grades().Select(g => (Warning: w, g.Grade, g.Rank, g.On, g.WorkingDays))).ToList();
        counts["warning_grades"] = await copy.IntoAsync("warning_grades",
            "warning_key, item_key, due_on, grade, grade_rank, raised_on, working_days, detected_at", grades,
            (row, g) => row.Text(Key(g.Warning, g.Grade)).Text(g.Warning.ItemKey).Date(g.Warning.DueOn).Text(g.Grade).Int(g.Rank).Date(g.On)
                .Int(g.WorkingDays).Time(ProjectTables.At(g.On, 1)));
        // As the consumers leave them: at the highest grade, opened on the first, closed when met (if not met before the first).
        counts["warning_states"] = await copy.IntoAsync("warning_states",
            "item_key, due_on, warning_key, grade, grade_rank, graded_on, opened_on, closed_on, district, park, source", past,
            (row, w) =>
            {
                var top = w.Grades().Last();
                var opened = w.Grades().First().On;
                row.Text(w.ItemKey).Date(w.DueOn).Text(Key(w, top.Grade)).Text(top.Grade).Int(top.Rank).Date(top.On).Date(opened)
                    .Date(w.MetOn >= opened ? w.MetOn : null).Text(w.District).Text(w.Park).Text(w.Source);
            });
        counts["warning_clearances"] = await copy.IntoAsync("warning_clearances", "item_key, cleared_at, cleared_on, reason", past,
            (row, w) => row.Text(w.ItemKey).Time(ProjectTables.At(w.MetOn, 9)).Date(w.MetOn).Text(w.Source == "intent" ? "service level met" : "node completed"));
        var inbox = grades.Select(g => (Id: Guid.CreateVersion7(), g)).ToList();
        counts["inbox_items"] = await copy.IntoAsync("inbox_items",
            "id, kind, key, source, title, grade, due_on, working_days, district, park, project_id, recipients, link, created_at", inbox,
            (row, x) => row.Uuid(x.Id).Text("warning").Text(Key(x.g.Warning, x.g.Grade)).Text(x.g.Warning.Source).Text(x.g.Warning.Title)
                .Text(x.g.Grade).Date(x.g.Warning.DueOn).Int(x.g.WorkingDays).Text(x.g.Warning.District).Text(x.g.Warning.Park)
                .Uuid(x.g.Warning.ProjectId).Texts([x.g.Warning.Officer]).Text(x.g.Warning.Link).Time(ProjectTables.At(x.g.On, 1)));
        counts["inbox_reads"] = await copy.IntoAsync("inbox_reads", "item_id, username, read_at", inbox.Where(x => x.Id.GetHashCode() % 10 < 7),
            (row, x) => row.Uuid(x.Id).Text(x.g.Warning.Officer).Time(ProjectTables.At(x.g.On, 3)));
        return counts;
    }

    private static string Key(Past warning, string grade) => $"{warning.ItemKey}:{warning.DueOn:yyyy-MM-dd}:{grade}";
}
