namespace Zhaoshang.Lead.Enterprises;

/// <summary>How hard the bureau pursues an enterprise on its target list (A类 first).</summary>
public enum EnterprisePriority
{
    A,
    B,
    C,
}
