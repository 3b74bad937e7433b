using System.Globalization;
using Zhaoshang.Load;
using Zhaoshang.ProvinceData;

// Loads a province's worth of data into one environment's databases, which the services must have migrated (started once).
// usage: Zhaoshang.ProvinceData [--scale 1.0] [--env _province]   (the databases zs_<service><env>, as infra.sh creates them)
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var scale = double.Parse(Value("--scale") ?? "1.0", CultureInfo.InvariantCulture);
var suffix = Value("--env") ?? "_province";
if (scale <= 0 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: Zhaoshang.ProvinceData [--scale S (1.0: 200,000 enterprises, 100,000 intents, 50,000 projects)] [--env _province]");
    return 2;
}

var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
var databases = LocalSystem.Services.ToDictionary(s => s, s => LocalSystem.ConnectionString(s, suffix));
var result = await ProvinceLoader.LoadAsync(ProvinceShape.Of(scale, today), databases, line => Console.WriteLine($"[province] {line}"));
Console.WriteLine($"[province] loaded {result.Rows.Values.Sum(t => t.Values.Sum()):N0} rows in {result.Took.TotalSeconds:0.0} s");
return 0;
