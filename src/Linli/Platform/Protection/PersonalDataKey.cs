using System.Security.Cryptography;
using Linli.Platform.Persistence;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Protection;

/// <summary>A missing, malformed or wrong personal-data key: the platform refuses to start and says what to do.</summary>
internal sealed class PersonalDataKeyException(string message) : Exception(message);

/// <summary>
/// Where the master key for personal data comes from. Outside Development it must be configured (PersonalData:Key,
/// base64, at least 32 bytes); without it nothing starts. In Development a key is kept in the data folder
/// (personal-data.key, 0600), created on the first start of an empty database and never silently replaced afterwards.
/// </summary>
internal sealed class PersonalDataKeySource(IConfiguration configuration, IHostEnvironment environment, IOptions<DatabaseOptions> database)
{
    public const string ConfigurationKey = "PersonalData:Key";
    public const string FileName = "personal-data.key";
    private readonly Lock _lock = new();
    private byte[]? _key;

    public string KeyFile => Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), FileName);

    /// <summary>True when the key comes from the development key file, not from configuration.</summary>
    public bool FromFile => string.IsNullOrWhiteSpace(configuration[ConfigurationKey]) && environment.IsDevelopment();

    /// <summary>The master key; a <see cref="PersonalDataKeyException"/> when there is none.</summary>
    public byte[] Key
    {
        get
        {
            lock (_lock) return _key ??= Load(mayCreate: false);
        }
    }

    /// <summary>The key at start-up: in Development a missing key file may be created (only for a database without a key yet).</summary>
    public byte[] LoadAtStartup(bool mayCreate)
    {
        lock (_lock) return _key ??= Load(mayCreate);
    }

    /// <summary>A key given as base64 text (configuration, a file, the rotate-keys verb).</summary>
    public static byte[] Decode(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new PersonalDataKeyException($"{source} is not base64. A personal-data key is 32 random bytes in base64, e.g. from `openssl rand -base64 32`.");
        }
        if (key.Length < 32) throw new PersonalDataKeyException($"{source} holds {key.Length} bytes; a personal-data key has at least 32.");
        return key;
    }

    private byte[] Load(bool mayCreate)
    {
        if (configuration[ConfigurationKey] is { } configured && !string.IsNullOrWhiteSpace(configured)) return Decode(configured, ConfigurationKey);
        if (!environment.IsDevelopment())
            throw new PersonalDataKeyException(
                $"{ConfigurationKey} is not configured. Outside Development Linli does not start without the key that encrypts ID and phone numbers: " +
                "set PersonalData:Key (environment variable PersonalData__Key) to 32 random bytes in base64, e.g. from `openssl rand -base64 32`, " +
                "and keep a copy safe: without it the encrypted numbers cannot be read.");
        var file = KeyFile;
        if (File.Exists(file))
        {
            PrivateFiles.Tighten(file);
            return Decode(File.ReadAllText(file), file);
        }
        if (!mayCreate)
            throw new PersonalDataKeyException(
                $"The development key file {file} is missing, but this database's numbers are encrypted with a key. Restore the file or set {ConfigurationKey}; a new key would not read them.");
        var key = RandomNumberGenerator.GetBytes(32);
        PrivateFiles.WriteNew(file, Convert.ToBase64String(key));
        return key;
    }
}
