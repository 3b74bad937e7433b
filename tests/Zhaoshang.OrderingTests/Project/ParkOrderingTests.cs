using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Contracts;
using Zhaoshang.OrderingTests.Infrastructure;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Security;
using Zhaoshang.Project.Lifecycle;
using Zhaoshang.Project.Parks;
using static Zhaoshang.Project.Lifecycle.StaffTransitionsApi;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>Parks by id: a rename keeps the park's projects and is announced; a park with projects stays.</summary>
[Collection(ProjectCollection.Name)]
public sealed class ParkOrderingTests
{
    private readonly ProjectDatabase _fixture;
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly ProjectDesk _desk;

    public ParkOrderingTests(ProjectDatabase fixture)
    {
        _fixture = fixture;
        _desk = new ProjectDesk(fixture.Db, _clock);
    }

    [Fact]
    public async Task A_renamed_park_keeps_its_projects_and_its_staff_and_the_rename_is_published()
    {
        var park = await CreateParkAsync("安宁市");
        var projectId = await _desk.OpenAsync();
        await ProjectDesk.OkAsync(SignAsync(projectId, new SignRequest("KM-P", _desk.Today, 90_000_000m, park.Name, null, null),
            ProjectDesk.Bureau, _fixture.Db.Database, WorkCalendar.WeekendsOnly, _clock, default));
        var newName = $"{park.Name}（更名）";

        var renamed = (await ParksApi.UpdateParkAsync(park.Id, Request(newName, park.District, park.Version), Http(), _fixture.Db.Database,
            _clock, default)).Result;

        Assert.IsType<Ok<Park>>(renamed);
        var project = await _desk.ViewAsync(projectId);
        Assert.Equal((park.Id, newName), (project.ParkId!.Value, project.Park!));
        var byId = new Actor("park-staff", Roles.Park, Park: park.Id.ToString());
        Assert.True(byId.CanSee(new RecordScope(project.District, project.Park, project.ParkId)));
        var announced = Assert.Single(await _desk.PublishedAsync(park.Id), e => e.Type == nameof(ParkRenamed));
        Assert.Equal(newName, announced.Body.GetProperty("name").GetString());
        Assert.Equal(2, announced.Body.GetProperty("parkVersion").GetInt32());

        var delete = (await ParksApi.DeleteParkAsync(park.Id, Http(), _fixture.Db.Database, default)).Result;
        Assert.Contains("1 project", Assert.IsType<ProblemHttpResult>(delete).ProblemDetails.Detail);
    }

    [Fact]
    public async Task Signing_into_a_park_of_another_district_needs_the_bureaus_explicit_flag()
    {
        var park = await CreateParkAsync("祥云县");
        var projectId = await _desk.OpenAsync();
        var request = new SignRequest("KM-Q", _desk.Today, 90_000_000m, park.Name, null, null);

        var refused = (await SignAsync(
            projectId, request, ProjectDesk.Bureau, _fixture.Db.Database, WorkCalendar.WeekendsOnly, _clock, default)).Result;
        Assert.Contains("park", Assert.IsType<ValidationProblem>(refused).ProblemDetails.Errors.Keys);
        var byDistrict = (await SignAsync(projectId, request with { ParkOutsideDistrict = true },
            ProjectDesk.Staff(Roles.District, ProjectDesk.District), _fixture.Db.Database, WorkCalendar.WeekendsOnly, _clock, default)).Result;
        Assert.IsType<ValidationProblem>(byDistrict);

        var signed = await ProjectDesk.OkAsync(SignAsync(projectId, request with { ParkOutsideDistrict = true }, ProjectDesk.Bureau,
            _fixture.Db.Database, WorkCalendar.WeekendsOnly, _clock, default));
        Assert.Equal(park.Id, signed.ParkId);
        var event_ = Assert.Single(await _desk.PublishedAsync(projectId), e => e.Type == nameof(ProjectSigned));
        Assert.Equal(park.Id, event_.Body.GetProperty("parkId").GetGuid());
    }

    private async Task<Park> CreateParkAsync(string district)
    {
        var name = $"测试园区{Guid.NewGuid():N}"[..12];
        var created = (await ParksApi.CreateParkAsync(Request(name, district, null), Http(), _fixture.Db.Database, default)).Result;
        return Assert.IsType<Created<Park>>(created).Value!;
    }

    private static ParksApi.ParkRequest Request(string name, string district, int? version) =>
        new(name, ParkLevel.Provincial, district, ["新材料"], [], version);

    private static DefaultHttpContext Http() => new() { User = ProjectDesk.Bureau };
}
