using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Zhaoshang.Platform.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// Bearer tokens for staff (issued by the OpenID Connect provider at <c>Auth:Authority</c>) on every endpoint unless
    /// it says otherwise; signed requests for approval systems.
    /// </summary>
    public static IServiceCollection AddZhaoshangSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var bearer = configuration.GetSection(BearerTokenOptions.Section).Get<BearerTokenOptions>() ?? new BearerTokenOptions();
        bearer.Validate(configuration[HostDefaults.EnvironmentKey] == Environments.Development);
        services.AddAuthentication(BearerTokenOptions.Scheme)
            .AddJwtBearer(BearerTokenOptions.Scheme, o => StaffBearer.Configure(o, bearer))
            .AddScheme<SignedRequestOptions, SignedRequestHandler>(SignedRequestOptions.Scheme, o =>
                configuration.GetSection("ApprovalSystems").Bind(o));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(BearerTokenOptions.Scheme).RequireAuthenticatedUser().Build());
        services.AddOptions<ApprovalSystemRateLimitOptions>()
            .Bind(configuration.GetSection(ApprovalSystemRateLimitOptions.Section))
            .Validate(o => o.IsValid(), $"{ApprovalSystemRateLimitOptions.Section}: PermitsPerSecond and Burst must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<ApprovalSystemRateLimit>();
        return services;
    }

    /// <summary>Only staff with one of these roles may call the endpoint; the roles also go into the OpenAPI document.</summary>
    public static TBuilder AllowRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerTokenOptions.Scheme, Roles = string.Join(',', roles) })
            .WithMetadata(new AllowedRoles(roles));

    /// <summary>
    /// Only a government approval system, by signed request, may call the endpoint, within its rate limit
    /// (<see cref="ApprovalSystemRateLimit"/>; beyond it 429 with Retry-After).
    /// </summary>
    public static TBuilder AllowApprovalSystems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = SignedRequestOptions.Scheme, Roles = Roles.ApprovalSystem })
            .WithMetadata(new ApprovalSystemRateLimited())
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new AllowedRoles([Roles.ApprovalSystem]));
}

/// <summary>Endpoint metadata: the roles allowed, for the OpenAPI document.</summary>
public sealed record AllowedRoles(string[] Roles);
