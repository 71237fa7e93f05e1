using System.Globalization;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Pages.Catalog;
using Linli.Platform.Localization;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Linli.Tests.Ui;

/// <summary>
/// A list of names on a page (tags, roles, handling modes, districts) is joined by the localized separator: the
/// enumeration comma 、 in Chinese, a comma and a space in English, never a Chinese comma between English words.
/// </summary>
[Collection("city")]
public sealed class ListSeparatorTests(CityFixture city)
{
    private Task<string> ModesIn(string culture) => city.App.WithScopeAsync(sp =>
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return Task.FromResult(CatalogLabels.ModeList(sp.GetRequiredService<IStringLocalizer<SharedResource>>(), HandlingModes.Window | HandlingModes.Appointment));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    });

    [Fact]
    public async Task A_list_of_names_is_joined_by_a_comma_in_english_and_by_the_enumeration_comma_in_chinese()
    {
        Assert.Equal("At the window, By appointment", await ModesIn("en"));
        Assert.Equal("窗口办、预约办", await ModesIn("zh-CN"));
    }
}
