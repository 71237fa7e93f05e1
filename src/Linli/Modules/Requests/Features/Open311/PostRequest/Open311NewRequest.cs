using System.Globalization;
using System.Text.RegularExpressions;
using Linli.Modules.Requests.Domain;
using Linli.Platform.PersonalData;

namespace Linli.Modules.Requests.Features.Open311.PostRequest;

/// <summary>
/// A POST requests form, bound and checked field by field (everything that needs no database): the service, the place
/// (a point, a region code, or an address to find a community in), the contact, the client's ids, the media URL, the
/// description and the attribute answers.
/// </summary>
internal sealed partial record Open311NewRequest(
    string ServiceCode, int CategoryId, double? Latitude, double? Longitude, string? Address, string? AddressId, string? CommunityCode, string? GridCode,
    string? Email, string? Phone, string? FirstName, string? LastName, string? DeviceId, string? AccountId, string? MediaUrl, string? Description,
    Dictionary<string, List<string>> Attributes)
{
    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{1,60}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9]{12}([0-9]{3})?$")]
    private static partial Regex RegionCode();

    /// <summary>No phone, e-mail or name: not public, as the spec's anonymous request.</summary>
    public bool Anonymous => Email is null && Phone is null && FirstName is null && LastName is null;

    /// <summary>Binds the form or throws the spec's 400 (404 for a service code that cannot be one) naming the field.</summary>
    public static Open311NewRequest Bind(Open311Form form)
    {
        var code = form.Field("service_code") ?? throw Open311Exception.BadRequest("{0} 必填。", "service_code");
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var categoryId))
            throw Open311Exception.NotFound("没有服务“{0}”。", code);

        double? lat = null, lon = null;
        if (form.Field("lat") is not null || form.Field("long") is not null)
        {
            if (!double.TryParse(form.Field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90 ||
                !double.TryParse(form.Field("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
                throw Open311Exception.BadRequest("lat 和 long 须同时以十进制度数（WGS84）给出。");
            (lat, lon) = (la, lo);
        }
        var address = form.Bounded("address_string", RequestLimits.Address);
        var addressId = form.Bounded("address_id", Open311Limits.IdLength);
        string? community = null, grid = null;
        if (addressId is not null)
        {
            if (!RegionCode().IsMatch(addressId)) throw Open311Exception.BadRequest("address_id 须为 12 位社区代码或 15 位网格代码。");
            (community, grid) = addressId.Length == 15 ? (addressId[..12], addressId) : (addressId, null);
        }
        if (lat is null && community is null && address is null)
            throw Open311Exception.BadRequest("须给出位置：lat 和 long、address_string 或 address_id。");

        var email = form.Bounded("email", 254);
        if (email is not null && !EmailPattern().IsMatch(email)) throw Open311Exception.BadRequest("email 不是电子邮件地址。");
        var phone = form.Bounded("phone", RequestLimits.Phone);
        if (phone is not null && !PhoneNumber.TryParse(phone, out _)) throw Open311Exception.BadRequest("phone 不是电话号码。");
        var media = form.Bounded("media_url", Open311Limits.UrlLength);
        if (media is not null && !(Uri.TryCreate(media, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            throw Open311Exception.BadRequest("media_url 须为绝对的 http(s) 网址。");

        return new Open311NewRequest(code, categoryId, lat, lon, address, addressId, community, grid, email, phone,
            form.Bounded("first_name", Open311Limits.NameLength), form.Bounded("last_name", Open311Limits.NameLength),
            form.Bounded("device_id", Open311Limits.IdLength), form.Bounded("account_id", Open311Limits.IdLength), media,
            form.Bounded("description", RequestLimits.Description), Open311Attributes.FromForm(form.Fields));
    }
}
