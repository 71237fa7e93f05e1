using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// 网上办 in Chromium: a signed-in resident, on a phone, chooses their district, community and an item that allows
/// online handling (就业创业证申领), is asked for every material (an account has no verified identity to fetch the
/// 免提交 ID card by), uploads the photo, files the application and gets the case number; the public tracking page then
/// shows the case.
/// </summary>
[Collection(LinliServer.Collection)]
public sealed class OnlineApplicationJourneyTests(LinliServer server)
{
    private const string District = "210102";
    private const string Community = "210102001002";
    private const string Item = "QR00304001-210100"; // 就业创业证申领: 1 申请人居民身份证 (免提交), 2 近期一寸免冠彩色照片

    /// <summary>A 1×1 PNG: the upload is checked by its content.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A valid 18-digit ID number (GB 11643 check character) of someone born in 1985 in 和平区.</summary>
    private static string NewIdNumber()
    {
        var body = "21010219850303" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task A_resident_applies_online_with_a_photo_gets_the_case_number_and_the_tracking_page_shows_the_case()
    {
        var idNumber = NewIdNumber();
        await using var session = await server.OpenAsync(width: 390, height: 844);
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.resident");

        await page.GotoAsync("/service-desk/apply");
        await page.SelectOptionAsync("#District", District);
        await page.ClickAsync("#choose-form button[type=submit]");
        await page.SelectOptionAsync("#Community", Community);
        await page.SelectOptionAsync("#ItemCode", Item);
        await page.ClickAsync("#choose-form button[type=submit]");
        await Expect(page.Locator("#apply-item")).ToHaveTextAsync("就业创业证申领");

        // Online both are asked for, the 免提交 ID card too, and nothing says the platform will fetch it.
        await Expect(page.Locator(".material[data-position='1']")).Not.ToContainTextAsync("免提交");
        await Expect(page.Locator("#material-1")).ToBeVisibleAsync();
        await Expect(page.Locator("#material-2")).ToBeVisibleAsync();

        await page.FillAsync("#Name", "刘网办");
        await page.FillAsync("#IdNumber", idNumber);
        await page.SetInputFilesAsync("#material-2", new FilePayload { Name = "照片.png", MimeType = "image/png", Buffer = Png });
        await LinliServer.ScreenshotAsync(page, "apply-online");
        await page.ClickAsync("#apply-submit");

        await Expect(page.Locator("#apply-done")).ToBeVisibleAsync();
        Assert.DoesNotContain(idNumber, page.Url);
        var number = Regex.Match(await page.Locator("#apply-done").TextContentAsync() ?? "", @"\d{8,}").Value;
        Assert.NotEmpty(number);

        await page.ClickAsync("#apply-done a[href='/service-desk/track']");
        await Expect(page).ToHaveURLAsync(new Regex("/service-desk/track$"));
        await page.FillAsync("#Number", number);
        await page.FillAsync("#IdNumber", idNumber[^6..]);
        await page.ClickAsync("#track-form button[type=submit]");
        await Expect(page.Locator("main")).ToContainTextAsync($"办件 {number}");
        await Expect(page.Locator("#track-state")).ToHaveAttributeAsync("data-state", "Received");
        await Expect(page.Locator("#track-applicant")).ToHaveTextAsync("刘**");
        await Expect(page.Locator("main")).ToContainTextAsync("就业创业证申领");
        Assert.DoesNotContain(number, page.Url);
        Assert.Empty(session.Errors);
    }
}
