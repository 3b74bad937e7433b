using System.Net.Mail;
using Zhaoshang.Contracts;
using Zhaoshang.Platform.Errors;

namespace Zhaoshang.Notification.Channels;

/// <summary>
/// A channel as the bureau writes it. The secret (DingTalk 加签) is write-only: on a change, null keeps the stored one
/// and "" removes it.
/// </summary>
public sealed record ChannelRequest(
    string? Name, string? Kind, string? Target, string? Secret, string? ScopeKind, string? ScopeValue, string? MinGrade,
    bool? Enabled, int? Version)
{
    public static readonly string[] ScopeKinds = ["city", "district", "park"];

    public ValidationErrors Validate(bool requireVersion)
    {
        var errors = new ValidationErrors().RequireText("name", Name, 100);
        if (Kind is null || !ChannelKinds.All.Contains(Kind))
            errors.Add("kind", "'kind' is wecom, dingtalk or email.");
        else if (Kind == ChannelKinds.Email)
        {
            if (!MailAddress.TryCreate(Target, out _) || Target!.Length > 320)
                errors.Add("target", "'target' is the e-mail address the channel sends to.");
        }
        else if (!Uri.TryCreate(Target, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || Target!.Length > 1000)
            errors.Add("target", "'target' is the robot's webhook URL (https).");
        if (Secret is { Length: > 200 })
            errors.Add("secret", "'secret' is at most 200 characters.");
        if (ScopeKind is null || !ScopeKinds.Contains(ScopeKind))
            errors.Add("scopeKind", "'scopeKind' is city, district or park.");
        else if (ScopeKind == "city" ? ScopeValue is not null : string.IsNullOrWhiteSpace(ScopeValue) || ScopeValue.Length > 100)
            errors.Add("scopeValue", "'scopeValue' names the district or park (by name), and is absent for the city.");
        if (MinGrade is null || !WarningGrades.All.Contains(MinGrade))
            errors.Add("minGrade", "'minGrade' is the mildest grade the channel takes: yellow, red, leader or bureau.");
        if (requireVersion && Version is null)
            errors.Add("version", "'version' is the version read; a stale one is refused.");
        return errors;
    }
}

/// <summary>A channel as anyone reads it: the secret never leaves the service, only whether there is one.</summary>
public sealed record Channel(
    Guid Id, string Name, string Kind, string Target, bool HasSecret, string ScopeKind, string? ScopeValue, string MinGrade,
    bool Enabled, int Version)
{
    public const string Columns =
        "id, name, kind, target, secret IS NOT NULL AS has_secret, scope_kind, scope_value, min_grade, enabled, version";
}
