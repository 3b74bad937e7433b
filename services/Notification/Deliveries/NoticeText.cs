using Microsoft.Extensions.Options;
using Zhaoshang.Contracts;
using Zhaoshang.Notification.Warnings;

namespace Zhaoshang.Notification.Deliveries;

/// <summary>Configuration section <c>Notifications</c>: where the console is, for the links in messages.</summary>
public sealed class NoticeTextOptions
{
    public const string Section = "Notifications";

    /// <summary>The console's address (the gateway's), e.g. http://127.0.0.1:5100.</summary>
    public string ConsoleUrl { get; set; } = "http://127.0.0.1:5100";
}

/// <summary>A notice's subject and markdown body, in Chinese, as the robots and e-mail send it.</summary>
public sealed class NoticeText(IOptions<NoticeTextOptions> options)
{
    private static readonly Dictionary<string, string> GradeNames = new()
    {
        [WarningGrades.Yellow] = "黄色预警", [WarningGrades.Red] = "红色预警",
        [WarningGrades.Leader] = "红色预警（已升级至包保领导）", [WarningGrades.Bureau] = "红色预警（已升级至市投资促进局）",
    };

    public string Subject(Notice notice) =>
        $"【{(notice.Grade is null ? "待办提醒" : GradeNames[notice.Grade])}】{notice.Title}";

    public string Markdown(Notice notice)
    {
        var lines = new List<string> { $"### {Subject(notice)}", $"> 到期日：{notice.DueOn:yyyy-MM-dd}" };
        if (notice.Grade is WarningGrades.Yellow)
            lines.Add($"> 剩余工作日：{notice.WorkingDays}");
        else if (notice.Grade is not null)
            lines.Add($"> 已超期工作日：{notice.WorkingDays}");
        var place = notice.Park is null ? notice.District : $"{notice.District} · {notice.Park}";
        if (!string.IsNullOrEmpty(place))
            lines.Add($"> 区域：{place}");
        if (notice.Recipients.Count > 0)
            lines.Add($"> 责任人：{string.Join("、", notice.Recipients)}");
        if (notice.Link is not null)
            lines.Add($"[在招商引资管理平台查看]({options.Value.ConsoleUrl.TrimEnd('/')}{notice.Link})");
        return string.Join("\n\n", lines);
    }
}
