using System.Data;
using Dapper;

namespace Zhaoshang.Platform.Data;

/// <summary>
/// Npgsql reads <c>timestamptz</c> as a UTC DateTime; records expose DateTimeOffset. Npgsql writes only UTC offsets,
/// so values that came in with another (a decision's "+08:00") are converted on the way out.
/// </summary>
internal sealed class DateTimeOffsetTypeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.DateTimeOffset;
        parameter.Value = value.ToUniversalTime();
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset d => d,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot convert {value.GetType()} to DateTimeOffset."),
    };
}
