namespace Zhaoshang.ProvinceData;

/// <summary>
/// How big the province is and what it is made of: the counts at <c>--scale 1.0</c>, and the districts, parks,
/// industries and places of the bureau's dictionaries (platform migration 0008, project migration 0003) the rows spread over.
/// </summary>
public sealed record ProvinceShape(double Scale, DateOnly Today, long Series, IReadOnlyList<(string Name, int Weight)> Districts)
{
    /// <summary>
    /// A shape with a series of its own, so that a second load beside the first repeats no USCC or agreement number; over
    /// Kunming's districts unless others are given (a test's own, whose counts no other test's rows disturb).
    /// </summary>
    public static ProvinceShape Of(double scale, DateOnly today, IReadOnlyList<(string Name, int Weight)>? districts = null) =>
        new(scale, today, Random.Shared.NextInt64(0, 20_000_000_000_000), districts ?? Kunming);

    public int Enterprises => Count(200_000);
    public int Intents => Count(100_000);
    public int FollowUps => Count(1_000_000);
    public int Projects => Count(50_000);
    public int Events => Count(2_000);

    /// <summary>The first day of the history: intents are received and projects opened from here to <see cref="Today"/>.</summary>
    public static readonly DateOnly Start = new(2024, 1, 1);

    private int Count(int atFullSize) => Math.Max(1, (int)Math.Round(atFullSize * Scale));

    /// <summary>Kunming's districts with a weight each: the city centre and the industrial districts receive most.</summary>
    public static readonly (string Name, int Weight)[] Kunming =
    [
        ("五华区", 9), ("盘龙区", 7), ("官渡区", 12), ("西山区", 8), ("东川区", 2), ("呈贡区", 9), ("晋宁区", 5), ("富民县", 2),
        ("宜良县", 3), ("石林彝族自治县", 2), ("嵩明县", 4), ("禄劝彝族苗族自治县", 2), ("寻甸回族彝族自治县", 2), ("安宁市", 12),
    ];

    /// <summary>The seeded parks in Kunming (project migration 0003) by district; the other districts get a park of their own (园区 named after them).</summary>
    public static readonly (Guid Id, string Name, string District)[] SeededParks =
    [
        (new Guid("0190f1a0-0000-7000-8000-000000000001"), "昆明经济技术开发区", "官渡区"),
        (new Guid("0190f1a0-0000-7000-8000-000000000002"), "昆明高新技术产业开发区", "五华区"),
        (new Guid("0190f1a0-0000-7000-8000-000000000003"), "安宁工业园区", "安宁市"),
        (new Guid("0190f1a0-0000-7000-8000-000000000009"), "滇中新区", "安宁市"),
    ];

    /// <summary>The industries dictionary (name, chain an enterprise of it belongs to).</summary>
    public static readonly (string Name, string Chain)[] Industries =
    [
        ("装备制造", "先进装备制造"), ("新材料", "新材料"), ("绿色铝", "绿色铝"), ("绿色硅", "光伏"), ("光伏", "光伏"),
        ("新能源电池", "新能源电池"), ("电子信息", "电子信息"), ("生物医药", "生物医药"), ("绿色食品", "绿色食品"),
        ("高原特色农业", "高原特色农业"), ("数字经济", "数字经济"), ("文化旅游", "文化旅游"), ("现代物流", "现代物流"),
        ("金融服务", "金融服务"), ("健康养老", "健康养老"), ("现代商贸", "现代商贸"),
    ];

    /// <summary>Places of the regions dictionary an enterprise's headquarters may be in.</summary>
    public static readonly string[] Places =
    [
        "上海", "江苏", "浙江", "杭州", "苏州", "南京", "合肥", "北京", "天津", "深圳", "广州", "东莞", "佛山", "香港", "成都",
        "重庆", "昆明", "曲靖", "玉溪", "大理", "福建", "山东", "湖北", "湖南", "新加坡", "日本", "德国", "泰国",
    ];

    /// <summary>Staff usernames of a district (its officers record follow-ups and raise claims).</summary>
    public static string Officer(string district, int n) => $"{district}-officer-{n}";
}
