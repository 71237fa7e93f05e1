namespace Linli.Modules.Requests.Domain;

/// <summary>
/// What an Open311 POST brings besides the ticket: the client, the token, the submitter's contact (email and names,
/// encrypted as one blob), device and account ids, the media URL and the attribute answers.
/// </summary>
internal sealed class Open311Submission
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public Guid Token { get; set; }
    public int ClientId { get; set; }
    public string? AccountId { get; set; }
    public string? DeviceId { get; set; }
    public string? AddressId { get; set; }
    public byte[]? ContactCipher { get; set; }
    public string? MediaUrl { get; set; }
    /// <summary>{"code": "value" | ["a","b"]} as submitted and validated.</summary>
    public string? AttributesJson { get; set; }
    public DateTime CreatedAt { get; set; }
}
