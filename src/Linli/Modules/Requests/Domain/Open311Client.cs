namespace Linli.Modules.Requests.Domain;

/// <summary>
/// A system allowed to file requests through Open311 (a city app, a partner's portal). Its API key is shown once when it
/// is created and stored only as its SHA-256 hash (see Open311Keys.Hash), so the table leaks no usable key.
/// </summary>
internal sealed class Open311Client
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required byte[] KeyHash { get; set; }
    /// <summary>The key's first characters, to tell keys apart in lists.</summary>
    public required string KeyHint { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
}
