namespace Zhaoshang.Notification;

/// <summary>How a delivery goes out: a group robot (WeCom, DingTalk) or e-mail.</summary>
public static class ChannelKinds
{
    public const string WeCom = "wecom";
    public const string DingTalk = "dingtalk";
    public const string Email = "email";

    public static readonly string[] All = [WeCom, DingTalk, Email];
}
