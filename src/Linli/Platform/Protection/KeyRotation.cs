using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Linli.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Platform.Protection;

/// <summary>
/// One table's share of a key rotation, implemented by the module that owns the table (the platform knows no module):
/// it re-encrypts and re-hashes its personal numbers under the new key, a batch of rows at a time in id order.
/// </summary>
internal interface IPersonalDataRekeyer
{
    /// <summary>Stable name of the step, e.g. "residents.residents"; the rotation's progress is kept under it.</summary>
    string Name { get; }

    /// <summary>Rows with personal data, for the progress report.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Re-seals up to <paramref name="batchSize"/> rows with ids above <paramref name="afterId"/> in one transaction and
    /// says how far it came, or null when no row was left. Must give the same result when a row was done already.
    /// </summary>
    Task<RekeyedBatch?> RekeyAsync(long afterId, int batchSize, PersonalDataRekey rekey, CancellationToken cancellationToken);

    /// <summary>Before the first batch, and again when an interrupted step goes on (e.g. drop the indexes on the hashes).</summary>
    Task BeginAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After the last batch, before the step counts as done (e.g. build those indexes again).</summary>
    Task EndAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A committed batch of a rotation: its last row id and how many rows it held.</summary>
internal sealed record RekeyedBatch(long LastId, int Rows);

/// <summary>
/// The two keys of a rotation. A value opens under either (the old one first, as nearly every row still is; an
/// interrupted run may have done some under the new one) and is sealed and hashed under the new one, so doing a row twice
/// changes nothing.
/// </summary>
internal sealed class PersonalDataRekey(PersonalDataProtector oldKey, PersonalDataProtector newKey, byte[] oldMaster, byte[] newMaster)
{
    /// <summary>The new key, for the modules' own sealing helpers.</summary>
    public IPersonalDataProtector New => newKey;

    public string Open(byte[] cipher) =>
        oldKey.TryDecrypt(cipher, out var plain) || newKey.TryDecrypt(cipher, out plain)
            ? plain
            : throw new CryptographicException("A value opens under neither the old nor the new key.");

    /// <summary>A sealed Data Protection secret, re-sealed under the new key.</summary>
    public XElement Reseal(XElement sealedSecret) =>
        KeyRingSeal.TryOpen(newMaster, sealedSecret, out var plain) || KeyRingSeal.TryOpen(oldMaster, sealedSecret, out plain)
            ? KeyRingSeal.Seal(newMaster, plain)
            : throw new CryptographicException("A Data Protection key opens under neither the old nor the new key.");
}

/// <summary>
/// UPDATE … SET … WHERE id = … for many rows inside the caller's transaction: one round trip as a batch where the provider
/// has batches (PostgreSQL), else one prepared statement run row by row (SQLite, in process). One long multi-statement
/// text would make SQLite bind every statement by searching all the batch's parameters.
/// </summary>
internal static class BatchUpdate
{
    public static async Task ExecuteAsync<TEntity>(DbContext db, IReadOnlyList<string> properties, IReadOnlyList<(long Id, object?[] Values)> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
        var qualified = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var sql = $"UPDATE {qualified} SET {string.Join(", ", properties.Select((p, i) => $"{Column(p)} = @c{i}"))} " +
                  $"WHERE {Column(entity.FindPrimaryKey()!.Properties.Single().Name)} = @id";

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        static void Bind(DbParameterCollection parameters, Func<DbParameter> create, object?[] values, long id)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var p = create();
                p.ParameterName = "@c" + i.ToString(CultureInfo.InvariantCulture);
                p.Value = values[i] ?? DBNull.Value;
                parameters.Add(p);
            }
            var key = create();
            key.ParameterName = "@id";
            key.Value = id;
            parameters.Add(key);
        }
#pragma warning disable CA2100 // names come from the EF model, values are parameters
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (id, values) in rows)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                Bind(command.Parameters, command.CreateParameter, values, id);
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        await using var single = connection.CreateCommand();
        single.Transaction = transaction;
        single.CommandText = sql;
        Bind(single.Parameters, single.CreateParameter, new object?[properties.Count], 0);
        await single.PrepareAsync(cancellationToken);
#pragma warning restore CA2100
        foreach (var (id, values) in rows)
        {
            for (var i = 0; i < values.Length; i++) single.Parameters[i].Value = values[i] ?? DBNull.Value;
            single.Parameters[values.Length].Value = id;
            await single.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>
/// The indexes on hash columns, dropped while a rotation rewrites the hashes and built once at its end: new hashes are
/// random, so each batch would otherwise rewrite pages all over the index (at full scale, the whole index many times).
/// The platform does not run during a rotation, so nothing looks a hash up meanwhile. Definitions come from the EF model,
/// so an interrupted run that dropped them builds them again the same.
/// </summary>
internal static class RekeyIndexes
{
    public static Task DropAsync<TEntity>(DbContext db, CancellationToken cancellationToken, params string[] properties) =>
        RunAsync<TEntity>(db, properties, (index, table) => db.Database.IsNpgsql() && table.Schema is { } schema
            ? $"DROP INDEX IF EXISTS \"{schema}\".\"{index.GetDatabaseName()}\""
            : $"DROP INDEX IF EXISTS \"{index.GetDatabaseName()}\"", cancellationToken);

    public static Task CreateAsync<TEntity>(DbContext db, CancellationToken cancellationToken, params string[] properties) =>
        RunAsync<TEntity>(db, properties, (index, table) =>
            $"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX IF NOT EXISTS \"{index.GetDatabaseName()}\" ON " +
            (table.Schema is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"") +
            $" ({string.Join(", ", index.Properties.Select(p => $"\"{p.GetColumnName(table)}\""))})", cancellationToken);

    private static async Task RunAsync<TEntity>(DbContext db, string[] properties, Func<Microsoft.EntityFrameworkCore.Metadata.IIndex, Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier, string> sql,
        CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        foreach (var index in entity.GetIndexes().Where(i => i.Properties.All(p => properties.Contains(p.Name))))
        {
            if (index.GetFilter() is not null) throw new InvalidOperationException($"Index {index.GetDatabaseName()} has a filter; rebuild it by hand.");
#pragma warning disable EF1002 // names come from the EF model
            await db.Database.ExecuteSqlRawAsync(sql(index, table), cancellationToken);
#pragma warning restore EF1002
        }
    }
}

/// <summary>The platform's own step: the Data Protection key ring, re-sealed under the new key.</summary>
internal sealed class KeyRingRekeyer(ProtectionDbContext db) : IPersonalDataRekeyer
{
    private static readonly XName EncryptedSecret = XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection");

    public string Name => "protection.data_protection_keys";

    public async Task<long> CountAsync(CancellationToken cancellationToken) => await db.DataProtectionKeys.LongCountAsync(cancellationToken);

    public async Task<RekeyedBatch?> RekeyAsync(long afterId, int batchSize, PersonalDataRekey rekey, CancellationToken cancellationToken)
    {
        var keys = await db.DataProtectionKeys.Where(k => k.Id > afterId).OrderBy(k => k.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (keys.Count == 0) return null;
        foreach (var key in keys.Where(k => k.Xml is not null))
        {
            var xml = XElement.Parse(key.Xml!);
            foreach (var secret in xml.Descendants(EncryptedSecret).ToList())
            {
                if (secret.Elements().FirstOrDefault() is not { Name.LocalName: KeyRingSeal.ElementName } sealedSecret) continue;
                sealedSecret.ReplaceWith(rekey.Reseal(sealedSecret));
            }
            key.Xml = xml.ToString(SaveOptions.DisableFormatting);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new RekeyedBatch(keys[^1].Id, keys.Count);
    }
}

/// <summary>
/// Rotates the personal-data key: every rekeyer's rows are re-encrypted and re-hashed under the new key in batches, with
/// progress kept in the database, then the database's key check value moves to the new key. While a rotation is
/// unfinished the platform does not start (so nothing looks a number up in a half-rotated table); running the rotation
/// again with the same keys goes on where it stopped. Running it with the old key as the new one only re-hashes (e.g.
/// phone numbers into their E.164 form).
/// </summary>
internal sealed class KeyRotator(IServiceProvider services, TimeProvider clock)
{
    public async Task<long> RunAsync(byte[] oldMaster, byte[] newMaster, int batchSize, Action<string> progress, CancellationToken cancellationToken)
    {
        var oldCheck = PersonalDataProtector.CheckValue(oldMaster);
        var newCheck = PersonalDataProtector.CheckValue(newMaster);
        await StartAsync(oldCheck, newCheck, progress, cancellationToken);

        using var oldProtector = new PersonalDataProtector(oldMaster);
        using var newProtector = new PersonalDataProtector(newMaster);
        var rekey = new PersonalDataRekey(oldProtector, newProtector, oldMaster, newMaster);
        long total = 0;
        List<string> names;
        using (var scope = services.CreateScope())
            names = scope.ServiceProvider.GetServices<IPersonalDataRekeyer>().Select(r => r.Name).ToList();
        foreach (var name in names)
            total += await RunStepAsync(name, rekey, batchSize, progress, cancellationToken);

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProtectionDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var check = await db.KeyChecks.FirstOrDefaultAsync(cancellationToken);
            if (check is null) db.KeyChecks.Add(new KeyCheck { CheckValue = newCheck, SetAt = clock.GetUtcNow().UtcDateTime });
            else
            {
                check.CheckValue = newCheck;
                check.SetAt = clock.GetUtcNow().UtcDateTime;
            }
            db.KeyRotationSteps.RemoveRange(await db.KeyRotationSteps.ToListAsync(cancellationToken));
            db.KeyRotations.RemoveRange(await db.KeyRotations.ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(Audit.AuditActions.KeysRotated, "personal-data-key",
                PersonalDataProtector.Name(newCheck), "", "", $"{PersonalDataProtector.Name(oldCheck)} → {PersonalDataProtector.Name(newCheck)}: {total} rows", cancellationToken);
        }
        progress($"done: {total:N0} rows under key {PersonalDataProtector.Name(newCheck)}; start the platform with the new key.");
        return total;
    }

    private async Task StartAsync(byte[] oldCheck, byte[] newCheck, Action<string> progress, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProtectionDbContext>();
        if (await db.KeyRotations.AsNoTracking().FirstOrDefaultAsync(cancellationToken) is { } running)
        {
            if (!running.FromCheck.AsSpan().SequenceEqual(oldCheck) || !running.ToCheck.AsSpan().SequenceEqual(newCheck))
                throw new PersonalDataKeyException(
                    $"An unfinished rotation from key {PersonalDataProtector.Name(running.FromCheck)} to key {PersonalDataProtector.Name(running.ToCheck)} " +
                    "is in this database; run rotate-keys with those two keys to finish it first.");
            progress($"resuming the rotation from key {PersonalDataProtector.Name(oldCheck)} to key {PersonalDataProtector.Name(newCheck)} started {running.StartedAt:u}");
            return;
        }
        var stored = await db.KeyChecks.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (stored is not null && !stored.CheckValue.AsSpan().SequenceEqual(oldCheck))
            throw new PersonalDataKeyException(stored.CheckValue.AsSpan().SequenceEqual(newCheck)
                ? $"This database is already under key {PersonalDataProtector.Name(newCheck)}; nothing to rotate."
                : $"The old key given (key {PersonalDataProtector.Name(oldCheck)}) is not this database's key (key {PersonalDataProtector.Name(stored.CheckValue)}).");
        db.KeyRotations.Add(new KeyRotation { FromCheck = oldCheck, ToCheck = newCheck, StartedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        progress($"rotating from key {PersonalDataProtector.Name(oldCheck)} to key {PersonalDataProtector.Name(newCheck)}");
    }

    private async Task<long> RunStepAsync(string name, PersonalDataRekey rekey, int batchSize, Action<string> progress, CancellationToken cancellationToken)
    {
        KeyRotationStep step;
        long count;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProtectionDbContext>();
            step = await db.KeyRotationSteps.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken) ?? new KeyRotationStep { Name = name };
            if (step.Finished)
            {
                progress($"{name}: done before ({step.Rows:N0} rows)");
                return step.Rows;
            }
            var rekeyer = scope.ServiceProvider.GetServices<IPersonalDataRekeyer>().Single(r => r.Name == name);
            count = await rekeyer.CountAsync(cancellationToken);
            await rekeyer.BeginAsync(cancellationToken);
        }
        var reported = -1;
        while (true)
        {
            RekeyedBatch? batch;
            using (var scope = services.CreateScope())
            {
                var rekeyer = scope.ServiceProvider.GetServices<IPersonalDataRekeyer>().Single(r => r.Name == name);
                batch = await rekeyer.RekeyAsync(step.LastId, batchSize, rekey, cancellationToken);
            }
            if (batch is not null)
            {
                step.Rows += batch.Rows;
                step.LastId = batch.LastId;
            }
            else
            {
                using var scope = services.CreateScope();
                await scope.ServiceProvider.GetServices<IPersonalDataRekeyer>().Single(r => r.Name == name).EndAsync(cancellationToken);
                step.Finished = true;
            }
            // The batch is committed; its progress is saved after it. A crash in between redoes the batch, which changes nothing.
            using (var scope = services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ProtectionDbContext>();
                if (await db.KeyRotationSteps.AnyAsync(s => s.Name == name, cancellationToken)) db.KeyRotationSteps.Update(step);
                else db.KeyRotationSteps.Add(step);
                await db.SaveChangesAsync(cancellationToken);
            }
            if (step.Finished)
            {
                progress($"{name}: {step.Rows:N0} rows");
                return step.Rows;
            }
            // About a hundred lines for the largest table, whatever its size.
            var percent = count == 0 ? 100 : (int)(100 * Math.Min(step.Rows, count) / count);
            if (percent != reported)
            {
                reported = percent;
                progress($"{name}: {Math.Min(step.Rows, count):N0} of {count:N0} rows ({percent} %)");
            }
        }
    }
}
