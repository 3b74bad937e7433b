namespace Zhaoshang.DemoData;

/// <summary>What is inconsistent in the data, checked before anything is sent: the services would refuse it halfway.</summary>
public static class SeedChecks
{
    public static IEnumerable<string> Problems(this SeedData data)
    {
        var enterprises = data.Enterprises.Select(enterprise => enterprise.Key).ToHashSet();
        var events = data.Events.ToDictionary(e => e.Key, e => e.StartsOn);
        if (enterprises.Count != data.Enterprises.Count)
            yield return "enterprise keys are not unique";
        if (data.Intents.Select(intent => intent.Key).Distinct().Count() != data.Intents.Count)
            yield return "intent keys are not unique";
        foreach (var e in data.Events.Where(e => e.StartsOn > 0 || e.EndsOn < e.StartsOn || e.EndsOn > 0))
            yield return $"event {e.Key}: its days are in the future or end before they start";
        foreach (var intent in data.Intents)
        {
            foreach (var problem in Problems(intent, enterprises, events))
                yield return $"intent {intent.Key}: {problem}";
        }
    }

    private static IEnumerable<string> Problems(IntentSeed intent, HashSet<string> enterprises, Dictionary<string, int> events)
    {
        if (!enterprises.Contains(intent.Enterprise))
            yield return $"no enterprise '{intent.Enterprise}'";
        if (intent.Event is not null && (!events.TryGetValue(intent.Event, out var eventDay) || eventDay > intent.ReceivedOn))
            yield return $"no event '{intent.Event}' held before the intent came";
        if (intent.ReceivedOn > 0)
            yield return "received in the future";
        var contacts = intent.FollowUps.Select(f => f.OccurredOn).ToList();
        if (contacts.Any(day => day < intent.ReceivedOn || day > 0) || !contacts.SequenceEqual(contacts.Order()))
            yield return "follow-ups out of order, before the intent came or in the future";
        if ((intent.Outcome == IntentOutcome.New) != (contacts.Count == 0))
            yield return "New exactly when there is no follow-up";
        if ((intent.Outcome == IntentOutcome.Dropped) != (intent.DropReason is not null))
            yield return "a drop reason exactly when dropped";
        if ((intent.Outcome == IntentOutcome.Converted) != (intent.Project is not null))
            yield return "a project exactly when converted";
        if (intent.Project is { } project)
        {
            foreach (var problem in Problems(project, contacts.LastOrDefault(intent.ReceivedOn)))
                yield return problem;
        }
    }

    private static IEnumerable<string> Problems(ProjectSeed project, int lastContact)
    {
        var reach = project.Reach;
        if ((reach >= ProjectStage.Signed) != (project.Sign is not null))
            yield return "a signing exactly when the project gets past Negotiating";
        if ((reach >= ProjectStage.Registered) != (project.Company is not null))
            yield return "a project company exactly when registered";
        if ((reach >= ProjectStage.LandAcquired) != (project.Land is not null))
            yield return "land exactly when acquired";
        if ((reach >= ProjectStage.UnderConstruction) != (project.ApprovedOn is not null))
            yield return "approvals granted exactly when construction starts";
        if (project.Incentive is not null && reach < ProjectStage.UnderConstruction)
            yield return "an award before construction starts";
        if (project.Stall is not null && reach is ProjectStage.Negotiating or ProjectStage.InProduction)
            yield return "stalled while negotiating or in production";
        if (project.Funds.Count > 0 && project.Sign is null)
            yield return "funds reported before signing";
        if (project.Sign is not { } sign)
            yield break;
        if (sign.SignedOn < lastContact || sign.SignedOn > 0)
            yield return "signed before the last follow-up or in the future";
        if (project.Land is { } land && (land.ContractDate < sign.SignedOn || land.ContractDate > 0))
            yield return "land contract before signing or in the future";
        if (project.ApprovedOn is { } approved && (approved < sign.SignedOn || approved > 0))
            yield return "approvals before signing or in the future";
        if (project.Funds.Any(f => f.ReportedOn < sign.SignedOn || f.ReportedOn > 0))
            yield return "funds reported before signing or in the future";
    }
}
