using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Linli.Platform.Persistence;

/// <summary>
/// Bulk paths skip change tracking: PostgreSQL binary COPY, SQLite prepared inserts in one transaction.
/// Table and column names come from the EF model, so the bulk path can never drift from the mapping.
/// </summary>
internal static class BulkWriter
{
    /// <param name="properties">CLR property names of <typeparamref name="TEntity"/>, in the order of each row's values.</param>
    /// <param name="rows">Provider values (enums as their numbers, DateTime as UTC).</param>
    public static async Task<long> WriteAsync<TEntity>(DbContext context, IReadOnlyList<string> properties,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        var entity = context.Model.FindEntityType(typeof(TEntity))
                     ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped by {context.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = properties.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{p} is not mapped."))
            .Select(p => (Name: p.GetColumnName(table)!, StoreType: p.GetColumnType(table)))
            .ToArray();
        var connection = context.Database.GetDbConnection();
        var openedHere = connection.State != System.Data.ConnectionState.Open;
        if (openedHere) await connection.OpenAsync(cancellationToken);
        try
        {
            return connection switch
            {
                NpgsqlConnection npgsql => await CopyAsync(npgsql, table, columns, rows, cancellationToken),
                SqliteConnection sqlite => InsertPrepared(sqlite, context.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction,
                    table, columns, rows, cancellationToken),
                _ => throw new NotSupportedException(connection.GetType().Name),
            };
        }
        finally
        {
            if (openedHere) await connection.CloseAsync();
        }
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, StoreObjectIdentifier table,
        (string Name, string StoreType)[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var typeNames = columns.Select(c => StripModifiers(c.StoreType)).ToArray();
        var sql = $"COPY \"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        long count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken))
        {
            foreach (var row in rows)
            {
                importer.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null) importer.WriteNull();
                    else importer.Write(row[i], typeNames[i]);
                }
                count++;
            }
            await importer.CompleteAsync(cancellationToken);
        }
        return count;
    }

    // Joins the caller's transaction when one is open (an import writing several tables atomically), else commits its own.
    private static long InsertPrepared(SqliteConnection connection, SqliteTransaction? ambient, StoreObjectIdentifier table,
        (string Name, string StoreType)[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var owned = ambient is null ? connection.BeginTransaction() : null;
        var transaction = ambient ?? owned!;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = ToSqlite(row[i]);
            command.ExecuteNonQuery();
            if (++count % 100_000 == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        owned?.Commit();
        return count;
    }

    // Match what EF's SQLite provider stores, so tracked queries read bulk rows back unchanged.
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    private static string StripModifiers(string storeType)
    {
        var paren = storeType.IndexOf('(');
        return paren < 0 ? storeType : storeType[..paren].Trim();
    }

    /// <summary>After writing explicit ids on PostgreSQL, move the identity sequence past them.</summary>
    public static async Task ResetIdentityAsync<TEntity>(DbContext context, string idProperty = "Id", CancellationToken cancellationToken = default)
    {
        if (!context.Database.IsNpgsql()) return;
        var entity = context.Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var column = entity.FindProperty(idProperty)!.GetColumnName(table)!;
        var qualified = $"\"{table.Schema}\".\"{table.Name}\"";
#pragma warning disable EF1002 // identifiers come from the EF model, not from input
        await context.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('{qualified}', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM {qualified}), 0) + 1, false)",
            cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>
    /// For a bulk load into an EMPTY table: drops its secondary indexes now and rebuilds them when the returned handle is
    /// disposed — one sort per index instead of maintaining every index row by row. A table that already has rows is
    /// left alone (the handle does nothing), so live data never goes unindexed.
    /// </summary>
    public static async Task<IAsyncDisposable> SuspendIndexesAsync<TEntity>(DbContext context, CancellationToken cancellationToken = default)
    {
        var entity = context.Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var postgres = context.Database.IsNpgsql();
        var qualified = postgres ? $"\"{table.Schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
        var connection = context.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);

        if (await ScalarAsync(connection, $"SELECT 1 FROM {qualified} LIMIT 1", cancellationToken) is not null)
            return new RebuildIndexes(connection, [], null);
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = postgres
                ? $"SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid) FROM pg_index i " +
                  $"JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
                  $"WHERE i.indrelid = '{qualified}'::regclass AND NOT i.indisprimary"
                : $"SELECT '\"' || name || '\"', sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table.Name}' AND sql IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, $"DROP INDEX {name}", cancellationToken);
        return new RebuildIndexes(connection, indexes, postgres ? $"ANALYZE {qualified}" : "ANALYZE");
    }

    private sealed class RebuildIndexes(DbConnection connection, List<(string Name, string Definition)> indexes, string? analyze) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (indexes.Count == 0) return;
            var pending = indexes.ToList();
            indexes.Clear(); // once only, whether disposed explicitly or by `await using`
            foreach (var (_, definition) in pending) await ExecuteAsync(connection, definition, CancellationToken.None);
            if (analyze is not null) await ExecuteAsync(connection, analyze, CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0; // rebuilding an index over millions of rows takes as long as it takes
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
