using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;

namespace Linli.Tests.Requests.Pages;

/// <summary>Posting the Requests pages' forms as a browser without JavaScript does: urlencoded or multipart, with the token of the form inside main.</summary>
internal static partial class RequestPages
{
    [GeneratedRegex("<main>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex MainToken();

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([^\"]+)\"")]
    private static partial Regex SubmissionKeyField();

    /// <summary>The idempotency key an intake form carries (its hidden SubmissionKey field); empty when it has none.</summary>
    public static string SubmissionKeyOf(string html) => SubmissionKeyField().Match(html).Groups[1].Value;

    public static async Task<string> TokenAsync(this PageClient client, string page)
    {
        var (status, html) = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        return MainToken().Match(html).Groups[1].Value;
    }

    /// <summary>Posts the fields (urlencoded) to <paramref name="action"/> with a token taken from <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this PageClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await client.TokenAsync(page);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("text/html");
        return await client.Http.SendAsync(request);
    }

    /// <summary>Posts a multipart form with files, as the intake forms are sent.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this PageClient client, string page, string action,
        IEnumerable<(string Name, string Value)> fields, IEnumerable<(string FileName, byte[] Content)>? photos = null)
    {
        var token = await client.TokenAsync(page);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (fileName, bytes) in photos ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "Photos", fileName);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        request.Headers.Accept.ParseAdd("text/html");
        return await client.Http.SendAsync(request);
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    /// <summary>A ticket's version as its forms post it back (read by the hotline, who sees every ticket).</summary>
    public static async Task<string> VersionAsync(LinliFactory app, long id) =>
        (await (await app.ClientForAsync("hotline")).GetTicketAsync(id)).GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    public static byte[] Jpeg(int length)
    {
        var bytes = new byte[length];
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF; bytes[3] = 0xE0;
        return bytes;
    }
}
