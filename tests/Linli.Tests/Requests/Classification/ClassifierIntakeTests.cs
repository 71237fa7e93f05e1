using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Classification;

/// <summary>
/// The classifier over HTTP: suggestions with unit and confidence, automatic dispatch above the class's threshold and the
/// centre's queue below it (both logged), a dispatcher's correction kept as a training example, retraining and rollback.
/// </summary>
[Collection("city2")]
public sealed class ClassifierIntakeTests(CityFixture city)
{
    private static async Task<JsonElement> ClassifyAsync(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/requests/classify", new { text });
        return await response.Json(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> FileForTheModelAsync(HttpClient client, string description)
    {
        var response = await client.PostAsJsonAsync("/api/requests/tickets", new { description, classifyAutomatically = true, communityCode = CityFixture.CommunityA });
        return (await response.Json(HttpStatusCode.Created)).GetProperty("ticket");
    }

    /// <summary>Held-out messages the model is surest (or least sure) about, as the API answers them.</summary>
    private static async Task<string> TextAsync(HttpClient client, bool automatic)
    {
        foreach (var e in TrainedOnce.Split.HeldOut.OrderBy(e => e.Text.Length).Take(60))
        {
            var text = e.Text.Length > 300 ? e.Text[..300] : e.Text;
            if ((await ClassifyAsync(client, text)).GetProperty("automatic").GetBoolean() == automatic) return text;
        }
        throw new InvalidOperationException("no such message among the held-out ones");
    }

    [Fact]
    public async Task Classify_answers_three_suggestions_with_level1_leaf_unit_and_confidence()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var answer = await ClassifyAsync(hotline, "孩子转学难，学校说没有学位，教育局也不管，请帮忙解决入学问题");
        var suggestions = answer.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(3, suggestions.Count);
        Assert.Equal("教育文体", suggestions[0].GetProperty("level1").GetString());
        Assert.StartsWith("教育文体 / ", suggestions[0].GetProperty("category").GetString());
        Assert.False(string.IsNullOrEmpty(suggestions[0].GetProperty("unitCode").GetString()));
        var confidences = suggestions.Select(s => s.GetProperty("confidence").GetDouble()).ToList();
        Assert.Equal(confidences.OrderDescending(), confidences);
        Assert.Equal(3, suggestions.Select(s => s.GetProperty("level1").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Classify_finds_the_place_named_in_the_text()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var answer = await ClassifyAsync(hotline, "浑河湾街道的路灯坏了");
        Assert.Equal("210102001", answer.GetProperty("proposedRegionCode").GetString());
        var place = Assert.Single(answer.GetProperty("places").EnumerateArray());
        Assert.Equal(0, place.GetProperty("start").GetInt32());
        Assert.Equal(5, place.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task An_empty_text_is_refused_naming_the_field()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var response = await hotline.PostAsJsonAsync("/api/requests/classify", new { text = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Text", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Above_the_threshold_the_model_sets_the_category_and_dispatches_and_the_log_names_it()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var text = await TextAsync(hotline, automatic: true);
        var expected = (await ClassifyAsync(hotline, text)).GetProperty("suggestions")[0];
        var ticket = await FileForTheModelAsync(hotline, text);
        Assert.Equal("Dispatched", ticket.State());
        Assert.Equal(expected.GetProperty("categoryId").GetInt32(), ticket.GetProperty("categoryId").GetInt32());
        var dispatch = (await hotline.GetTicketAsync(ticket.Id())).GetProperty("actions").EnumerateArray().Last();
        Assert.Equal("Dispatch", dispatch.GetProperty("action").GetString());
        Assert.Contains("分类模型 v", dispatch.GetProperty("opinion").GetString());
        Assert.Contains("置信度", dispatch.GetProperty("opinion").GetString());
    }

    [Fact]
    public async Task Below_the_threshold_the_ticket_waits_for_the_centre_with_the_three_suggestions()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var text = await TextAsync(hotline, automatic: false);
        var ticket = await FileForTheModelAsync(hotline, text);
        Assert.Equal("Received", ticket.State());
        var filed = (await hotline.GetTicketAsync(ticket.Id())).GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "File");
        var opinion = filed.GetProperty("opinion").GetString()!;
        Assert.Contains("建议", opinion);
        Assert.Equal(3, opinion.Split('；').Length);
    }

    [Fact]
    public async Task A_dispatchers_change_of_category_becomes_a_training_example()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var wrong = await RequestsApi.NewLeafAsync(city.App);
        var right = await RequestsApi.NewLeafAsync(city.App, "heating");
        var id = (await hotline.FileAsync(wrong, description: "家里暖气片一直不热（合成）")).Id();
        await hotline.OkAsync(id, "category", new { categoryId = right, reason = "来电人说明是暖气不热" });
        var example = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().ClassifierExamples.AsNoTracking().SingleAsync(e => e.TicketId == id));
        Assert.Equal(right, example.CategoryId);
        Assert.True(example.Corrected);
        Assert.Equal("家里暖气片一直不热（合成）", example.Text);
    }

    [Fact]
    public async Task A_retrained_model_as_good_as_the_current_is_used_and_an_earlier_version_can_be_activated_again()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        await ClassifyAsync(hotline, "小区物业乱收费"); // the first model exists
        var admin = await city.App.ClientForAsync("admin");
        var trained = await (await admin.PostAsync("/api/requests/classifier/train", null)).Json(HttpStatusCode.OK);
        var version = trained.GetProperty("model").GetProperty("version").GetInt32();
        var models = await (await admin.GetAsync("/api/requests/classifier/models")).Json(HttpStatusCode.OK);
        var earlier = models.EnumerateArray().Where(m => m.GetProperty("passedGate").GetBoolean() && m.GetProperty("version").GetInt32() < version)
            .Select(m => m.GetProperty("version").GetInt32()).First();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/requests/classifier/models/{earlier}/activate", null)).StatusCode);
        var after = await (await admin.GetAsync("/api/requests/classifier/models")).Json(HttpStatusCode.OK);
        Assert.Equal(earlier, after.EnumerateArray().Single(m => m.GetProperty("isActive").GetBoolean()).GetProperty("version").GetInt32());
        Assert.Equal(earlier, (await ClassifyAsync(hotline, "小区物业乱收费")).GetProperty("modelVersion").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/requests/classifier/models/999999/activate", null)).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_retrain_the_classifier()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.PostAsync("/api/requests/classifier/train", null)).StatusCode);
    }
}

/// <summary>The classifier on the pages: the hotline console's suggestions with unit and confidence and the place highlighted; the admin page.</summary>
[Collection("city2")]
public sealed class ClassifierPageTests(CityFixture city)
{
    [Fact]
    public async Task The_console_shows_the_models_suggestions_and_highlights_the_recognised_place()
    {
        var hotline = await PageClient.SignedInAsync(city.App, "hotline");
        var response = await hotline.PostMultipartAsync("/requests/console", "/requests/console", [("Description", "浑河湾街道的路灯坏了好几天"), ("Step", "suggest")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("id=\"model-suggestions\"", html);
        Assert.Contains("<mark>浑河湾街道</mark>", html);
        Assert.Contains("%", html);
    }

    [Fact]
    public async Task The_admin_page_shows_the_model_in_use_with_its_scores_and_confusion_matrix()
    {
        var admin = await PageClient.SignedInAsync(city.App, "admin");
        var (status, html) = await admin.GetAsync("/requests/admin/classifier");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"classifier-accuracy\"", html);
        Assert.Contains("id=\"classifier-confusion\"", html);
        Assert.Contains("教育文体", html);
    }
}
