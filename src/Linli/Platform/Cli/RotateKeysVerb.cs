using Linli.Platform.Persistence;
using Linli.Platform.Protection;

namespace Linli.Platform.Cli;

/// <summary>
/// rotate-keys: re-encrypts and re-hashes every personal number (and the Data Protection key ring) under a new key.
/// Stop the platform first; it does not start again until the rotation is finished. See README.md, "Key rotation".
/// </summary>
internal sealed class RotateKeysVerb : ICommandVerb
{
    public string Name => "rotate-keys";

    public string Usage =>
        "re-encrypt and re-hash all personal data under a new key: rotate-keys --new-key-file FILE [--old-key-file FILE] " +
        "(or --new-key/--old-key BASE64; the old key defaults to PersonalData:Key; without a new key, only re-hash) [--batch 2000]";

    public async Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken)
    {
        var source = services.GetRequiredService<PersonalDataKeySource>();
        byte[] oldKey, newKey;
        try
        {
            oldKey = Key(verb, "old-key") ?? source.Key;
            newKey = Key(verb, "new-key") ?? oldKey;
        }
        catch (PersonalDataKeyException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var batch = (int)verb.Number("batch", 2000);
        if (batch is < 1 or > 20_000)
        {
            Console.Error.WriteLine("--batch must be between 1 and 20000.");
            return 2;
        }
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        try
        {
            await services.GetRequiredService<KeyRotator>().RunAsync(oldKey, newKey, batch,
                line => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}"), cancellationToken);
        }
        catch (PersonalDataKeyException e)
        {
            Console.Error.WriteLine(e.Message);
            return 3;
        }
        // A development install keeps its key in a file: it now holds the new key.
        if (source.FromFile && !oldKey.AsSpan().SequenceEqual(newKey))
        {
            PrivateFiles.Replace(source.KeyFile, Convert.ToBase64String(newKey));
            Console.WriteLine($"The new key is in {source.KeyFile}.");
        }
        return 0;
    }

    /// <summary>A key from --NAME-file (preferred: it stays out of the shell history and the process list) or --NAME.</summary>
    private static byte[]? Key(Verb verb, string name)
    {
        if (verb.Text(name + "-file") is { } file)
        {
            if (!File.Exists(file)) throw new PersonalDataKeyException($"--{name}-file: there is no file {file}.");
            return PersonalDataKeySource.Decode(File.ReadAllText(file), $"--{name}-file {file}");
        }
        return verb.Text(name) is { } text ? PersonalDataKeySource.Decode(text, "--" + name) : null;
    }
}
