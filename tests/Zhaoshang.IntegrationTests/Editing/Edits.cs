using System.Net;
using System.Text.Json;
using Zhaoshang.IntegrationTests.Infrastructure;

namespace Zhaoshang.IntegrationTests.Editing;

/// <summary>What every versioned edit must show: the 409 for a stale version, the 400 naming the field, the audit row.</summary>
internal static class Edits
{
    public static readonly string OtherDistrict = "呈贡区";

    /// <summary>A stale version is a 409 carrying the record as it is now and its version.</summary>
    public static async Task<JsonElement> AssertStaleAsync(
        Journey staff, ServiceProcess service, string path, object body, int currentVersion)
    {
        var problem = await staff.ExpectAsync(HttpStatusCode.Conflict, service, HttpMethod.Put, path, body);
        Assert.Equal(currentVersion, problem.GetProperty("currentVersion").GetInt32());
        var current = problem.GetProperty("current");
        Assert.Equal(currentVersion, current.GetProperty("version").GetInt32());
        return current;
    }

    /// <summary>A 400 whose errors name <paramref name="field"/>.</summary>
    public static async Task AssertBadFieldAsync(Journey staff, ServiceProcess service, string path, object body, string field)
    {
        var problem = await staff.ExpectAsync(HttpStatusCode.BadRequest, service, HttpMethod.Put, path, body);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the 400 names '{field}': {problem}");
    }

    /// <summary>The record's newest audit row of <paramref name="action"/>, read from its service's audit trail.</summary>
    public static async Task<JsonElement> LastAuditAsync(SystemFixture system, ServiceProcess service, Guid recordId, string action)
    {
        var trail = await new Journey(system).ExpectAsync(HttpStatusCode.OK, service, HttpMethod.Get, $"/api/audit?recordId={recordId}");
        return trail.EnumerateArray().Last(e => e.GetProperty("action").GetString() == action);
    }
}
