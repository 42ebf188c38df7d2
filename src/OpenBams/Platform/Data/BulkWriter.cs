using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace OpenBams.Platform.Data;

/// <summary>The column types the bulk path writes, as EF Core stores them on each engine.</summary>
public enum BulkType { Int, Long, Text, Date, TimestampUtc, Decimal, Bool }

/// <summary>A table and the columns a bulk write fills, in order.</summary>
public sealed record BulkTable(string Name, IReadOnlyList<(string Column, BulkType Type)> Columns)
{
    public BulkTable(string name, params (string Column, BulkType Type)[] columns) : this(name, (IReadOnlyList<(string, BulkType)>)columns) { }
}

/// <summary>
/// The fastest write each engine has, for the jobs that write hundreds of thousands of rows (the national assessment,
/// statement imports): PostgreSQL's binary COPY, SQLite's prepared INSERT reused inside the caller's transaction. Values
/// go through the ADO.NET providers EF Core uses, so EF reads the rows back exactly as if it had written them. The caller
/// owns the transaction (one per unit of work) and writes the audit summary itself.
/// </summary>
public static class BulkWriter
{
    public static bool IsPostgres(AppDb db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Writes the rows; every row has one value per column, in the table's order.</summary>
    public static async Task<long> WriteAsync(AppDb db, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Column}\""));
        long n = 0;
        if (conn is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var v = row[i];
                    if (v is null) { await copy.WriteNullAsync(ct); continue; }
                    switch (table.Columns[i].Type)
                    {
                        case BulkType.Int: await copy.WriteAsync(Convert.ToInt32(v), NpgsqlDbType.Integer, ct); break;
                        case BulkType.Long: await copy.WriteAsync(Convert.ToInt64(v), NpgsqlDbType.Bigint, ct); break;
                        case BulkType.Text: await copy.WriteAsync((string)v, NpgsqlDbType.Text, ct); break;
                        case BulkType.Date: await copy.WriteAsync((DateOnly)v, NpgsqlDbType.Date, ct); break;
                        case BulkType.TimestampUtc: await copy.WriteAsync(DateTime.SpecifyKind((DateTime)v, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct); break;
                        case BulkType.Decimal: await copy.WriteAsync(Convert.ToDecimal(v), NpgsqlDbType.Numeric, ct); break;
                        case BulkType.Bool: await copy.WriteAsync((bool)v, NpgsqlDbType.Boolean, ct); break;
                    }
                }
                n++;
            }
            await copy.CompleteAsync(ct);
            return n;
        }

        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var ps = new DbParameter[table.Columns.Count];
        for (var i = 0; i < ps.Length; i++)
        {
            ps[i] = cmd.CreateParameter();
            ps[i].ParameterName = "$p" + i;
            cmd.Parameters.Add(ps[i]);
        }
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < ps.Length; i++)
                ps[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    // EF Core's SQLite provider stores these as text in these exact forms.
                    DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                    decimal m => m.ToString("0.0###########################", System.Globalization.CultureInfo.InvariantCulture),
                    bool b => b ? 1L : 0L,
                    Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
                    var other => other,
                };
            await cmd.ExecuteNonQueryAsync(ct);
            n++;
        }
        return n;
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive ids of an identity column, for rows that other rows of the same write
    /// point to. PostgreSQL: from the column's sequence; SQLite: above the current maximum, which is safe because the
    /// caller's transaction already holds SQLite's single write lock (it must have written before calling this).
    /// </summary>
    public static async Task<long> ReserveIdsAsync(AppDb db, string table, int count, CancellationToken ct = default)
    {
        if (count <= 0) return 0;
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (conn is NpgsqlConnection)
        {
            // One call advances the sequence by count; concurrent writers get disjoint blocks.
            cmd.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id')) FROM generate_series(1, {count})";
            long first = long.MaxValue, last = 0;
            var seen = 0;
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                {
                    var v = r.GetInt64(0);
                    first = Math.Min(first, v);
                    last = Math.Max(last, v);
                    seen++;
                }
            if (last - first + 1 != seen)
                throw new InvalidOperationException($"Ids of {table} were not consecutive ({first}..{last} for {seen}); retry the unit of work.");
            return first;
        }
        cmd.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) + 1;
    }

    /// <summary>Runs a statement on the unit of work's connection and transaction.</summary>
    public static async Task<int> ExecuteAsync(AppDb db, string sql, CancellationToken ct = default, params (string Name, object? Value)[] parameters)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
