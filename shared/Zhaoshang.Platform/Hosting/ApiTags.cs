using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Zhaoshang.Platform.Hosting;

/// <summary>Endpoint metadata: what a tag of the OpenAPI document groups.</summary>
public sealed record ApiTag(string Name, string Description);

public static class ApiTags
{
    /// <summary>Tags the endpoints and describes the tag; one endpoint per tag needs to say it, the rest use WithTags.</summary>
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, string name, string description) where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new ApiTag(name, description));
}
