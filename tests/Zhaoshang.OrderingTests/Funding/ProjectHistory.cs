using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Funding;

/// <summary>
/// A project's events as the project service publishes them, in publish order: every change raises the version by one;
/// the signing's ProjectSigned and its ProjectStateChanged share one. Each event gets a fresh message id.
/// </summary>
public sealed class ProjectHistory(Guid projectId, string district, string park = "安宁工业园区", Guid? parkId = null)
{
    private readonly List<Delivery> _events = [];
    private readonly string _firstDistrict = district;
    private int _version = 1;
    private string? _stalledFrom;

    public Guid ProjectId => projectId;
    public Guid? ParkId => parkId;
    public string District { get; private set; } = district;
    public string State { get; private set; } = "Negotiating";
    public IReadOnlyList<Delivery> Events => _events;

    /// <summary>Deliveries added from <paramref name="start"/> on, to split a history into phases.</summary>
    public IReadOnlyList<Delivery> From(int start) => _events.Skip(start).ToList();

    public ProjectHistory Sign(DateOnly on, decimal contracted = 300_000_000m)
    {
        _version++;
        _events.Add(Delivery.Of(new ProjectSigned(projectId, $"KM-{projectId:N}"[..12], on, contracted, "新材料", District, park,
            new ProjectApprovalProfile("Filing", "Form", false), null, At(on), _version, parkId)));
        return Changed("Signed", on, null, sameVersion: true);
    }

    public ProjectHistory Move(string to, DateOnly on, string? reason = null)
    {
        _stalledFrom = to == "Stalled" ? State : _stalledFrom;
        return Changed(to, on, reason, sameVersion: false);
    }

    /// <summary>停滞 then 恢复 to the stage it stalled in, on the two days given.</summary>
    public ProjectHistory StallAndResume(DateOnly stalledOn, DateOnly resumedOn) =>
        Move("Stalled", stalledOn, "企业资金链紧张").Move(_stalledFrom!, resumedOn, "恢复推进");

    public ProjectHistory Transfer(string to, DateOnly on)
    {
        _version++;
        _events.Add(Delivery.Of(new ProjectTransferred(projectId, District, to, _firstDistrict, "项目流转", At(on), _version)));
        District = to;
        return this;
    }

    public ProjectHistory RenamePark(string name, int parkVersion)
    {
        _events.Add(Delivery.Of(new ParkRenamed(parkId!.Value, name, parkVersion, DateTimeOffset.UnixEpoch)));
        return this;
    }

    private ProjectHistory Changed(string to, DateOnly on, string? reason, bool sameVersion)
    {
        if (!sameVersion)
            _version++;
        _events.Add(Delivery.Of(new ProjectStateChanged(projectId, State, to, reason, District, park, "新材料", on, At(on), _version)));
        State = to;
        return this;
    }

    private static DateTimeOffset At(DateOnly on) => new(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
}
