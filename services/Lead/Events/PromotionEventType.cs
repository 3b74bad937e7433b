namespace Zhaoshang.Lead.Events;

/// <summary>Kinds of promotion event (招商活动).</summary>
public enum PromotionEventType
{
    /// <summary>外出招商</summary>
    OutboundTrip,
    /// <summary>推介会</summary>
    Conference,
    /// <summary>考察</summary>
    InspectionVisit,
    /// <summary>论坛</summary>
    Forum,
}
