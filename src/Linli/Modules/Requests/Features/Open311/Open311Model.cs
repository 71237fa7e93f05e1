using System.Text.Json;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311;

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

/// <summary>The six datatypes of GeoReport v2 service attributes.</summary>
internal enum AttributeDatatype { String = 1, Number = 2, Datetime = 3, Text = 4, SingleValueList = 5, MultiValueList = 6 }

/// <summary>One question a service (a leaf category) asks when a request is filed: its service definition (data, not code).</summary>
internal sealed class ServiceAttribute
{
    public int Id { get; set; }
    public int CategoryId { get; set; }
    public required string Code { get; set; }
    public int Order { get; set; }
    public AttributeDatatype Datatype { get; set; }
    public bool Required { get; set; }
    /// <summary>False: informational only, no value is asked for.</summary>
    public bool Variable { get; set; } = true;
    public required string Description { get; set; }
    public string? DatatypeDescription { get; set; }
    /// <summary>The list values of (single|multi)valuelist attributes as JSON [{"Key":…,"Name":…}].</summary>
    public string? ValuesJson { get; set; }

    public IReadOnlyList<ServiceAttributeValue> Values() =>
        ValuesJson is null ? [] : JsonSerializer.Deserialize<List<ServiceAttributeValue>>(ValuesJson) ?? [];

    public static string? ToJson(IEnumerable<ServiceAttributeValue>? values) =>
        values?.ToList() is { Count: > 0 } list ? JsonSerializer.Serialize(list) : null;
}

internal sealed record ServiceAttributeValue(string Key, string Name);

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

internal static class Open311Mapping
{
    public const int NameLength = 100, CodeLength = 50, IdLength = 100, UrlLength = 1000;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Open311Client>(e =>
        {
            e.ToTable("open311_clients");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.KeyHint).HasMaxLength(8);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.KeyHash).IsUnique();
        });
        modelBuilder.Entity<ServiceAttribute>(e =>
        {
            e.ToTable("service_attributes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(CodeLength);
            e.Property(x => x.Description).HasMaxLength(400);
            e.Property(x => x.DatatypeDescription).HasMaxLength(200);
            e.Property(x => x.ValuesJson).HasMaxLength(8000);
            e.HasIndex(x => new { x.CategoryId, x.Code }).IsUnique();
            e.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Open311Submission>(e =>
        {
            e.ToTable("open311_submissions");
            e.HasKey(x => x.Id);
            e.Property(x => x.AccountId).HasMaxLength(IdLength);
            e.Property(x => x.DeviceId).HasMaxLength(IdLength);
            e.Property(x => x.AddressId).HasMaxLength(IdLength);
            e.Property(x => x.MediaUrl).HasMaxLength(UrlLength);
            e.Property(x => x.AttributesJson).HasMaxLength(8000);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => x.TicketId).IsUnique();
            e.HasOne(x => x.Ticket).WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Open311Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
