using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Zhaoshang.Identity.Users;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Identity.SignIn;

/// <summary>统一身份认证 sign-in page: username and password, then back to where the browser came from (a local URL only).</summary>
internal static class LoginPage
{
    public const string Path = "/login";

    public static WebApplication MapLoginPage(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, returnUrl, error: null)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, UserStore users, CancellationToken cancellationToken)
    {
        // Checked here rather than by the endpoint filter, so that a refused form gets the page again, not a bare 400.
        if (!await antiforgery.IsRequestValidAsync(http))
            return Page(http, antiforgery, null, "页面已过期，请重新登录。", StatusCodes.Status400BadRequest);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        string? returnUrl = form["returnUrl"];
        var user = await users.SignInAsync(form["username"], form["password"], cancellationToken);
        if (user is null)
            return Page(http, antiforgery, returnUrl, "用户名或密码不正确，或账号已停用。", StatusCodes.Status401Unauthorized);

        var identity = new ClaimsIdentity([new Claim(Actor.SubjectClaim, user.Username)], AuthorizationEndpoint.CookieScheme, Actor.SubjectClaim, null);
        await http.SignInAsync(AuthorizationEndpoint.CookieScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>招商引资平台 · 统一身份认证</title></head>
            <body>
              <h1>统一身份认证</h1>
              <p>请使用工作账号登录招商引资平台。</p>
              {(error is null ? "" : $"<p role=\"alert\">{E(error)}</p>")}
              <form method="post" action="{Path}">
                <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">
                <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
                <label>用户名 <input name="username" autocomplete="username" required></label>
                <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
                <button type="submit">登录</button>
              </form>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
