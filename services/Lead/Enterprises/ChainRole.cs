namespace Zhaoshang.Lead.Enterprises;

/// <summary>An enterprise's place in its industry chain (产业链).</summary>
public enum ChainRole
{
    /// <summary>链主: the chain leader the chain forms around.</summary>
    ChainLeader,

    /// <summary>配套: a supplier to the chain.</summary>
    Supplier,
}
