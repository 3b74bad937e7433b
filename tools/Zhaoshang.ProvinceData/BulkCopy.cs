using Npgsql;
using NpgsqlTypes;

namespace Zhaoshang.ProvinceData;

/// <summary>
/// Rows into one table by binary COPY, the fastest way into PostgreSQL; a null value is written as NULL. A COPY may take
/// minutes, not the connection's 30 s: the statistics' totals triggers (project 0019, 0020) run for each of a province's
/// 50,000 projects while their COPY completes.
/// </summary>
internal sealed class BulkCopy(NpgsqlConnection connection)
{
    /// <summary>How long one statement of the load may run: a COPY, or the VACUUM ANALYZE after it.</summary>
    public static readonly TimeSpan LongStatement = TimeSpan.FromMinutes(20);

    public async Task<long> IntoAsync<T>(string table, string columns, IEnumerable<T> rows, Action<Row, T> write)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        importer.Timeout = LongStatement;
        var row = new Row(importer);
        foreach (var item in rows)
        {
            importer.StartRow();
            write(row, item);
        }

        return (long)await importer.CompleteAsync();
    }

    internal sealed class Row(NpgsqlBinaryImporter importer)
    {
        public Row Uuid(Guid? value) => Value(value, NpgsqlDbType.Uuid);
        public Row Text(string? value) => Value(value, NpgsqlDbType.Text);
        public Row Char(string? value) => Value(value, NpgsqlDbType.Char);
        public Row Int(int? value) => Value(value, NpgsqlDbType.Integer);
        public Row Bool(bool value) => Value(value, NpgsqlDbType.Boolean);
        public Row Money(decimal? value) => Value(value, NpgsqlDbType.Numeric);
        public Row Date(DateOnly? value) => Value(value, NpgsqlDbType.Date);
        public Row Time(DateTime? value) => Value(value, NpgsqlDbType.TimestampTz);
        public Row Json(string? value) => Value(value, NpgsqlDbType.Jsonb);
        public Row Texts(string[] value) => Value(value, NpgsqlDbType.Array | NpgsqlDbType.Text);
        public Row Moneys(decimal[] value) => Value(value, NpgsqlDbType.Array | NpgsqlDbType.Numeric);

        private Row Value(object? value, NpgsqlDbType type)
        {
            if (value is null)
                importer.WriteNull();
            else
                importer.Write(value, type);
            return this;
        }
    }
}
