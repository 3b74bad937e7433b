using Zhaoshang.Notification.Deliveries;

namespace Zhaoshang.UnitTests;

/// <summary>DingTalk's 加签 and the dispatcher's backoff rule.</summary>
public class NotificationDeliveryRulesTests
{
    [Fact]
    public void The_DingTalk_signature_is_the_url_encoded_Base64_HMAC_SHA256_of_timestamp_newline_secret()
    {
        // Computed independently (Python's hmac, base64 and urllib.parse.quote_plus).
        Assert.Equal("yBKp5IlG6qCzcQWmgyRK%2FziJBdVNJmHfFE2ST%2FCzT%2Fg%3D", RobotSignature.DingTalkSign("SECtest0123456789", 1700000000000));
    }

    [Theory]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=abc", "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=")]
    [InlineData("http://127.0.0.1:9/robots/a", "http://127.0.0.1:9/robots/a?timestamp=1700000000000&sign=")]
    public void The_signed_url_appends_timestamp_and_sign_to_the_webhook(string webhook, string prefix)
    {
        var url = RobotSignature.DingTalkSignedUrl(webhook, "SECtest0123456789", 1700000000000);
        Assert.Equal(prefix + "yBKp5IlG6qCzcQWmgyRK%2FziJBdVNJmHfFE2ST%2FCzT%2Fg%3D", url);
    }

    [Fact]
    public void Backoff_doubles_from_the_initial_wait_up_to_the_cap_and_stops_after_the_last_attempt()
    {
        var options = new DeliveryOptions { InitialBackoff = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromMinutes(5), MaxAttempts = 7 };
        var waits = Enumerable.Range(1, 7).Select(options.BackoffAfter).ToArray();
        Assert.Equal(
            new TimeSpan?[]
            {
                TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240),
                TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), null,
            },
            waits);
    }

    [Fact]
    public void A_very_long_run_of_failures_never_overflows_the_wait()
    {
        var options = new DeliveryOptions { MaxAttempts = int.MaxValue };
        Assert.Equal(options.MaxBackoff, options.BackoffAfter(1000));
    }

    [Fact]
    public void Options_that_would_never_retry_or_never_wait_are_refused()
    {
        Assert.True(new DeliveryOptions().IsValid());
        Assert.False(new DeliveryOptions { InitialBackoff = TimeSpan.Zero }.IsValid());
        Assert.False(new DeliveryOptions { MaxBackoff = TimeSpan.FromSeconds(1) }.IsValid());
        Assert.False(new DeliveryOptions { MaxAttempts = 0 }.IsValid());
    }
}
