using System.Security.Cryptography;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Protection;

/// <summary>
/// First start-up task: the configured key must be the one the database's personal data is encrypted with. A first
/// start records the key's check value; later starts compare. A wrong key (a second instance with its own, a lost
/// development key file) or an unfinished rotation stops the start with a message that says what to do, instead of
/// failing every search and reveal later.
/// </summary>
internal sealed class PersonalDataKeyCheck(ProtectionDbContext db, PersonalDataKeySource keys, TimeProvider clock, ILogger<PersonalDataKeyCheck> logger)
    : IStartupTask
{
    public int Order => -1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.KeyRotations.AsNoTracking().FirstOrDefaultAsync(cancellationToken) is { } rotation)
            throw new PersonalDataKeyException(
                $"A key rotation from key {PersonalDataProtector.Name(rotation.FromCheck)} to key {PersonalDataProtector.Name(rotation.ToCheck)} " +
                $"(started {rotation.StartedAt:u}) is unfinished. Run `rotate-keys` again with the same old and new keys to finish it, then start with the new key.");
        var stored = await db.KeyChecks.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var check = PersonalDataProtector.CheckValue(keys.LoadAtStartup(mayCreate: stored is null));
        if (stored is null)
        {
            db.KeyChecks.Add(new KeyCheck { CheckValue = check, SetAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Personal-data key {Key} recorded for this database", PersonalDataProtector.Name(check));
                return;
            }
            catch (DbUpdateException)
            {
                // Another instance started at the same moment and recorded its key first: compare with that one.
                db.ChangeTracker.Clear();
                stored = await db.KeyChecks.AsNoTracking().FirstAsync(cancellationToken);
            }
        }
        if (!CryptographicOperations.FixedTimeEquals(stored.CheckValue, check))
            throw new PersonalDataKeyException(
                $"The configured personal-data key (key {PersonalDataProtector.Name(check)}) is not the key this database's ID and phone numbers are " +
                $"encrypted with (key {PersonalDataProtector.Name(stored.CheckValue)}). Configure the database's own key in {PersonalDataKeySource.ConfigurationKey} " +
                "on every instance; to change it, use `rotate-keys`.");
    }
}
