namespace Zhaoshang.ProvinceData;

/// <summary>The whole province in memory before it is copied: every service's rows derive from the same intents and projects.</summary>
public sealed class ProvincePlan
{
    public static readonly string[] Stages = ["Negotiating", "Signed", "Registered", "LandAcquired", "UnderConstruction", "InProduction"];

    private static readonly string[] Brands =
    [
        "滇", "春城", "云岭", "金马", "碧鸡", "翠湖", "宏图", "恒通", "华晟", "瑞丰", "鑫源", "天成", "嘉禾", "盛达", "中科", "新锐",
        "远航", "博睿", "永安", "德润", "锦程", "泰和", "汇智", "隆基", "同创", "正信", "启明", "振华", "瀚海", "凯瑞",
    ];
    private static readonly string[] Forms = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司", "实业有限公司"];

    public ProvinceShape Shape { get; }
    public IReadOnlyList<EnterprisePlan> Enterprises { get; }
    public IReadOnlyList<(Guid Id, string Title, string Type, string Region, DateOnly StartsOn, bool Major)> Events { get; }
    public IReadOnlyList<IntentPlan> Intents { get; }
    public IReadOnlyList<ProjectPlan> Projects { get; }
    /// <summary>The parks projects are signed into; <c>Exists</c>: the project service has it already.</summary>
    public IReadOnlyList<(Guid Id, string Name, string District, bool Exists)> Parks { get; }

    /// <param name="existingParks">The parks the project service has already, by name: a district's park is made once.</param>
    public ProvincePlan(ProvinceShape shape, IReadOnlyDictionary<string, Guid> existingParks, int seed = 20)
    {
        Shape = shape;
        var random = new Random(seed);
        var days = shape.Today.DayNumber - ProvinceShape.Start.DayNumber;
        DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(1 + random.Next(9), random.Next(60)), DateTimeKind.Utc);

        Parks = ProvinceShape.SeededParks.Where(p => shape.Districts.Any(d => d.Name == p.District)).Select(p => (p.Id, p.Name, p.District, true))
            .Concat(shape.Districts.Where(d => ProvinceShape.SeededParks.All(p => p.District != d.Name))
                .Select(d => $"{d.Name}产业园区")
                .Select(name => (existingParks.TryGetValue(name, out var id) ? id : Guid.CreateVersion7(), name, name[..^4], existingParks.ContainsKey(name))))
            .ToList();

        Enterprises = Enumerable.Range(0, shape.Enterprises).Select(n =>
        {
            var (industry, chain) = Pick(random, ProvinceShape.Industries);
            var place = ProvinceShape.Places[random.Next(ProvinceShape.Places.Length)];
            var name = $"{place}{Brands[random.Next(Brands.Length)]}{Brands[random.Next(Brands.Length)]}{industry}{Forms[random.Next(Forms.Length)]}";
            var abroad = place is "新加坡" or "日本" or "德国" or "泰国";
            return new EnterprisePlan(Guid.CreateVersion7(), name, abroad ? null : Zhaoshang.Load.UsccCodes.Numbered(shape.Series + n), place, chain,
                random.Next(10) == 0 ? "ChainLeader" : "Supplier", "ABC"[random.Next(3)].ToString(),
                At(ProvinceShape.Start.AddDays(random.Next(days))));
        }).ToList();

        string[] eventTypes = ["OutboundTrip", "Conference", "InspectionVisit", "Forum"];
        Events = Enumerable.Range(0, shape.Events).Select(n =>
        {
            var day = ProvinceShape.Start.AddDays(random.Next(days));
            var region = ProvinceShape.Places[random.Next(ProvinceShape.Places.Length)];
            return (Guid.CreateVersion7(), $"{day.Year}年赴{region}招商活动（{n + 1}）", eventTypes[random.Next(4)], region, day, random.Next(8) == 0);
        }).ToList();

        Intents = BuildIntents(random, shape, days);
        Projects = BuildProjects(random, shape);
    }

    private List<IntentPlan> BuildIntents(Random random, ProvinceShape shape, int days)
    {
        var intents = new List<IntentPlan>(shape.Intents);
        // Converted first (one per project), then dropped, qualified, following and new in the proportions a bureau sees.
        var converted = Math.Min(shape.Projects, shape.Intents);
        // New intents have no follow-up yet (8 % of those not converted); the others share the follow-ups about evenly.
        var withFollowUps = converted + (shape.Intents - converted) * 0.92;
        var perIntent = Math.Max(1, (int)Math.Round(shape.FollowUps / withFollowUps));
        for (var n = 0; n < shape.Intents; n++)
        {
            var share = (double)(n - converted) / Math.Max(1, shape.Intents - converted);
            var status = n < converted ? "Converted" : share < 0.6 ? "Dropped" : share < 0.68 ? "Qualified" : share < 0.92 ? "Following" : "New";
            // Open intents are recent: an old one is closed or converted by now.
            var window = status switch { "New" => 8, "Following" => 90, "Qualified" => 150, _ => days - 60 };
            var received = shape.Today.AddDays(-random.Next(Math.Max(1, Math.Min(window, days))));
            if (status is "Converted" or "Dropped")
                received = ProvinceShape.Start.AddDays(random.Next(Math.Max(1, days - 60)));
            var responded = status == "New" ? (DateOnly?)null : received.AddDays(random.Next(2));
            var assessed = status is "Qualified" or "Converted" or "Dropped" ? received.AddDays(2 + random.Next(8)) : (DateOnly?)null;
            var end = status is "Converted" or "Dropped" ? Min(assessed!.Value.AddDays(30 + random.Next(120)), shape.Today) : shape.Today;
            var count = status == "New" ? 0 : 1 + random.Next(2 * perIntent - 1);
            var contacts = Contacts(random, responded ?? received, end, count, status is "Following" or "Qualified", shape.Today);
            var district = Pick(random, shape.Districts.ToArray(), d => d.Weight).Name;
            var investment = Math.Round((decimal)Math.Exp(16 + random.NextDouble() * 6), 2); // about 9 百万 to 3.6 十亿 元
            intents.Add(new IntentPlan(Guid.CreateVersion7(), Enterprises[random.Next(Enterprises.Count)],
                Pick(random, ProvinceShape.Industries).Name, investment, district, status, received, responded, assessed,
                random.Next(5) == 0 && Events.Count > 0 ? Events[random.Next(Events.Count)].Id : null, contacts,
                ProvinceShape.Officer(district, random.Next(8))));
        }

        return intents;
    }

    /// <summary>The days of an intent's follow-ups: spread over its life; an open one was mostly last contacted lately.</summary>
    private static List<DateOnly> Contacts(Random random, DateOnly from, DateOnly to, int count, bool open, DateOnly today)
    {
        var span = Math.Max(1, to.DayNumber - from.DayNumber);
        var contacts = Enumerable.Range(0, count).Select(_ => from.AddDays(random.Next(span + 1))).ToList();
        if (open && count > 0 && random.Next(5) != 0)
            contacts[0] = Max(from, today.AddDays(-random.Next(12)));
        contacts.Sort();
        return contacts;
    }

    private List<ProjectPlan> BuildProjects(Random random, ProvinceShape shape)
    {
        var projects = new List<ProjectPlan>(shape.Projects);
        var yesterday = shape.Today.AddDays(-1);
        var number = 0;
        foreach (var intent in Intents.Where(i => i.Status == "Converted"))
        {
            var opened = Min(intent.AssessedOn!.Value.AddDays(1 + random.Next(20)), yesterday);
            intent.ConvertedOn = opened;
            intent.ProjectId = Guid.CreateVersion7();
            // The stage this project would reach given time; how far it got is also limited by today.
            var ambition = Pick(random, [(0, 8), (1, 10), (2, 12), (3, 12), (4, 25), (5, 33)], a => a.Item2).Item1;
            var dates = new DateOnly?[6];
            dates[0] = opened;
            int[][] gaps = [[], [5, 55], [5, 25], [20, 100], [5, 35], [120, 280]];
            for (var s = 1; s <= ambition; s++)
            {
                var day = dates[s - 1]!.Value.AddDays(gaps[s][0] + random.Next(gaps[s][1]));
                if (day > yesterday)
                    break;
                dates[s] = day;
            }

            var reached = Array.FindLastIndex(dates, d => d is not null);
            var state = Stages[reached];
            DateOnly? stopped = null;
            var roll = random.Next(100);
            if (reached is >= 1 and < 5 && roll < 8)
            {
                state = roll < 2 ? "Terminated" : "Stalled";
                stopped = Min(dates[reached]!.Value.AddDays(10 + random.Next(60)), yesterday);
            }

            var park = reached >= 1 ? ParkFor(random, intent.District) : ((Guid, string)?)null;
            number++;
            projects.Add(new ProjectPlan(intent.ProjectId.Value, intent, Stages[reached], state, opened, dates[1], dates[2], dates[3],
                dates[4], dates[5], stopped, park,
                reached >= 1 ? Math.Round(intent.Investment * (decimal)(0.8 + random.NextDouble() * 0.4), 2) : null,
                $"KM-{(dates[1] ?? opened).Year}-{shape.Series % 100_000:00000}-{number:000000}", number));
        }

        return projects;
    }

    private (Guid, string) ParkFor(Random random, string district)
    {
        var own = Parks.Where(p => p.District == district).ToList();
        var park = own.Count > 0 && random.Next(20) != 0 ? own[random.Next(own.Count)] : Parks[random.Next(Parks.Count)];
        return (park.Id, park.Name);
    }

    public static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static T Pick<T>(Random random, T[] items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
                return item;
        }

        return items[^1];
    }

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
