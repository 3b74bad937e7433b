using Zhaoshang.Approval.Cases;
using Zhaoshang.Contracts;

namespace Zhaoshang.OrderingTests.Approval;

/// <summary>
/// A seeded random journey of one project as the approval service hears it, in publish order: the signing, transfers,
/// park renames, land, and the approval systems' decisions (grants, returns, rejections) on the items as they open.
/// The items are followed as the catalogue opens them, so each decision concerns an item that was open when it was
/// made; one decision per item, as resubmission (a staff step) is tested on its own.
/// </summary>
internal static class ApprovalJourney
{
    private static readonly string[] Districts = ["安宁市", "五华区", "官渡区", "盘龙区"];
    private static readonly decimal[] Investments = [50_000_000m, 300_000_000m, 1_500_000_000m];

    public static (IReadOnlyList<object> Messages, string Description) Generate(
        ApprovalHarness approval, int seed, Guid projectId, Guid parkId)
    {
        var random = new Random(seed);
        var profile = new ProjectApprovalProfile(
            ApprovalCatalogue.Filings[random.Next(2)], ApprovalCatalogue.EiaKinds[random.Next(3)], random.Next(2) == 0);
        var items = ApprovalCatalogue.Default.SelectFor(profile);
        var status = items.ToDictionary(i => i.Code, i => i.Prerequisites.Length == 0 ? ApprovalItemStatus.Open : ApprovalItemStatus.Pending);
        var investment = Investments[random.Next(Investments.Length)];
        var (district, version, parkVersion, parkName) = (Districts[0], 2, 1, "园区1");
        var (transfersLeft, renamesLeft, landLeft) = (random.Next(4), random.Next(3), random.Next(5) > 0);
        var messages = new List<object>();
        var steps = new List<string>();

        if (renamesLeft > 0 && random.Next(3) == 0)
            Rename();
        messages.Add(approval.Signed(projectId, investment, district, version, parkId, parkName, profile));
        steps.Add($"sign {investment / 100_000_000m:0.#}亿 {profile.Filing}/{profile.Eia}{(profile.EnergyReview ? "/节能" : "")}");
        for (var minute = 1; ; minute++)
        {
            var open = status.Where(s => s.Value == ApprovalItemStatus.Open).Select(s => s.Key).Order().ToList();
            var choices = new List<Action>();
            if (transfersLeft > 0)
                choices.Add(Transfer);
            if (renamesLeft > 0)
                choices.Add(Rename);
            if (landLeft)
                choices.Add(Land);
            if (open.Count > 0)
                choices.AddRange(Enumerable.Repeat<Action>(() => Decide(open[random.Next(open.Count)], minute), 3));
            if (choices.Count == 0)
                break;
            choices[random.Next(choices.Count)]();
        }

        return (messages, $"journey {seed}: {string.Join(", ", steps)}");

        void Transfer()
        {
            transfersLeft--;
            var to = Districts.Where(d => d != district).ElementAt(random.Next(Districts.Length - 1));
            messages.Add(approval.Transferred(projectId, district, to, ++version));
            steps.Add($"→{to}");
            district = to;
        }

        void Rename()
        {
            renamesLeft--;
            parkName = $"园区{++parkVersion}";
            messages.Add(new ParkRenamed(parkId, parkName, parkVersion, approval.Clock.Now));
            steps.Add($"park {parkName}");
        }

        void Land()
        {
            landLeft = false;
            messages.Add(approval.LandAcquired(projectId, ++version));
            steps.Add("land");
        }

        void Decide(string code, int minute)
        {
            var outcome = random.Next(10) switch { 0 => "Returned", 1 => "Rejected", _ => "Granted" };
            messages.Add(approval.Decision(projectId, code, minute, outcome, outcome == "Granted" ? null : "补正"));
            steps.Add($"{code} {outcome}");
            status[code] = Enum.Parse<ApprovalItemStatus>(outcome);
            var granted = status.Where(s => s.Value == ApprovalItemStatus.Granted).Select(s => s.Key).ToHashSet();
            foreach (var item in items.Where(i => status[i.Code] == ApprovalItemStatus.Pending && i.Prerequisites.All(granted.Contains)))
                status[item.Code] = ApprovalItemStatus.Open;
        }
    }
}
