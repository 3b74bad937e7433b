using System.Data;
using Dapper;

namespace Zhaoshang.Platform.Data;

/// <summary>Npgsql reports <c>text[]</c> columns as System.Array, which Dapper will not match to a string[] parameter.</summary>
internal sealed class StringArrayTypeHandler : SqlMapper.TypeHandler<string[]>
{
    public override void SetValue(IDbDataParameter parameter, string[]? value) => parameter.Value = value;

    public override string[] Parse(object value) => (string[])value;
}
