using System.Data;
using Dapper;

namespace Zhaoshang.Platform.Data;

/// <summary>Npgsql reads <c>date</c> as DateTime through Dapper; domain records use DateOnly.</summary>
internal sealed class DateOnlyTypeHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => throw new DataException($"Cannot convert {value.GetType()} to DateOnly."),
    };
}

/// <summary>
/// <c>date[]</c> (the working calendar's days): Npgsql reads it as DateTime[] through Dapper and writes DateOnly[] as
/// <c>date[]</c> itself.
/// </summary>
internal sealed class DateOnlyArrayTypeHandler : SqlMapper.TypeHandler<DateOnly[]>
{
    public override void SetValue(IDbDataParameter parameter, DateOnly[]? value) => parameter.Value = value;

    public override DateOnly[] Parse(object value) => value switch
    {
        DateOnly[] days => days,
        DateTime[] days => days.Select(DateOnly.FromDateTime).ToArray(),
        _ => throw new DataException($"Cannot convert {value.GetType()} to DateOnly[]."),
    };
}
