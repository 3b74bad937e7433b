using System.Data;
using Dapper;

namespace Zhaoshang.Platform.Data;

/// <summary>Npgsql reports array columns (<c>text[]</c>, <c>numeric[]</c>) as System.Array, which Dapper will not match to T[].</summary>
internal sealed class ArrayTypeHandler<T> : SqlMapper.TypeHandler<T[]>
{
    public override void SetValue(IDbDataParameter parameter, T[]? value) => parameter.Value = value;

    public override T[] Parse(object value) => (T[])value;
}
