using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// A case through the service-desk pages, in Chromium: the community's window receives an application for 失业登记 from
/// a person new to the pool → issues the one-time notice and opens it for printing → the applicant brings what was
/// missing → accepted, reviewed and approved at the community (the item's community steps include them) → handed over at
/// the window → the applicant follows it by number and the last 6 of their ID number on the public page, seeing the name masked.
/// </summary>
[Collection(LinliServer.Collection)]
public sealed class CaseJourneyTests(LinliServer server)
{
    private const string Community = "210102001002"; // demo.community's scope
    private const string Item = "QR00301001-210100"; // 失业登记: community steps 收件, 受理, 审查, 办结, 出件

    /// <summary>A valid 18-digit ID number (GB 11643 check character) of someone born in 1980 in 和平区.</summary>
    private static string NewIdNumber()
    {
        var body = "21010219800101" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task A_case_is_received_noticed_completed_accepted_approved_handed_over_and_followed_publicly()
    {
        var idNumber = NewIdNumber();
        string number;
        await using (var window = await server.OpenAsync())
        {
            var page = window.Page;
            await LinliServer.SignInAsync(page, "demo.community");
            await page.ClickAsync("nav.main >> text=办件管理");
            await Expect(page).ToHaveURLAsync(new Regex("/service-desk/cases$"));
            await page.ClickAsync("#new-case");
            await page.SelectOptionAsync("#ItemCode", Item);
            await page.ClickAsync("#item-form button[type=submit]");
            await page.CheckAsync("#applicant-new");
            await page.FillAsync("#IdNumber", idNumber);
            await page.FillAsync("#Name", "李建国");
            await page.FillAsync("#Phone", "13912345678");
            await page.FillAsync("#HomeCommunityCode", Community);
            await LinliServer.ScreenshotAsync(page, "case-new");
            await page.ClickAsync("#receive");
            await Expect(page).ToHaveURLAsync(new Regex(@"/service-desk/cases/\d+$"));
            Assert.DoesNotContain(idNumber, page.Url);
            var caseUrl = new Uri(page.Url).AbsolutePath;
            var done = await page.Locator("#case-done").TextContentAsync();
            number = Regex.Match(done ?? "", @"\d{8,}").Value;
            Assert.NotEmpty(number);
            await Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "Received");
            await Expect(page.Locator("#case-facts")).Not.ToContainTextAsync(idNumber);

            // 一次告知: every missing material with its reason, then the printable notice.
            var reasons = page.Locator("#form-Notice input[name^=ProblemReason]");
            for (var i = 0; i < await reasons.CountAsync(); i++) await reasons.Nth(i).FillAsync("请携带原件");
            await page.ClickAsync("#form-Notice button[type=submit]");
            await Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "AwaitingCompletion");
            await page.ClickAsync("#print-notice");
            await Expect(page.Locator("#notice-sheet h1")).ToHaveTextAsync("一次性告知书");
            await Expect(page.Locator("#notice-sheet")).ToContainTextAsync(number);
            await Expect(page.Locator("#notice-items")).ToContainTextAsync("申请人居民身份证");
            await Expect(page.Locator("#notice-items")).ToContainTextAsync("请携带原件");
            await LinliServer.ScreenshotAsync(page, "case-notice");
            await page.GotoAsync(caseUrl);

            // The applicant brings it; accepted, reviewed, approved and handed over at the window.
            await page.ClickAsync("#form-Complete button[type=submit]");
            await Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "Received");
            await page.ClickAsync("#form-Accept button[type=submit]");
            await Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "Accepted");
            await page.ClickAsync("#form-Review button[type=submit]");
            await Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "UnderReview");
            await page.ClickAsync("#form-Approve button[type=submit]");
            await Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "Approved");
            await page.SelectOptionAsync("#Method", "Window");
            await page.ClickAsync("#form-HandOver button[type=submit]");
            await Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "HandedOver");
            await Expect(page.Locator("#case-actions")).ToHaveCountAsync(0);
            await Expect(page.Locator("#case-steps li")).ToHaveCountAsync(7);
            Assert.Empty(window.Errors);
        }

        // The applicant follows it with the number and the last 6 of their ID number, on a phone, without signing in.
        await using (var visitor = await server.OpenAsync(width: 390, height: 844))
        {
            var page = visitor.Page;
            await page.GotoAsync("/service-desk/track");
            await page.FillAsync("#Number", number);
            await page.FillAsync("#IdNumber", idNumber[^6..]);
            await page.ClickAsync("#track-form button[type=submit]");
            await Expect(page.Locator("#track-state")).ToHaveAttributeAsync("data-state", "HandedOver");
            await Expect(page.Locator("#track-applicant")).ToHaveTextAsync("李**");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("李建国");
            await Expect(page.Locator("#track-next")).ToHaveTextAsync("办理完毕，欢迎评价");
            Assert.DoesNotContain(number, page.Url);
            Assert.Empty(visitor.Errors);
        }
    }
}
