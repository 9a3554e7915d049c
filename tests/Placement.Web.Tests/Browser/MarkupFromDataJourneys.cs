using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>
/// Text from data reaches the page as text, maps included: a post title and a person's name holding markup (an element, an
/// image whose error runs a script, a refresh to another site, a script end) are shown as the characters typed — no element
/// of theirs exists in the DOM, no script of theirs runs, no request leaves for their site — on the pages that show them, with
/// every map tooltip and popup opened.
/// </summary>
public sealed class MarkupFromDataJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Markup = "<b data-xss=\"1\">P</b><img src=x data-xss=\"1\" onerror=\"window.__xss=1\">"
        + "<meta data-xss=\"1\" http-equiv=refresh content=\"0;url=https://evil.example/\"></script><script>window.__xss=1</script>";

    /// <summary>What a name of at most 100 characters can hold.</summary>
    private const string ShortMarkup = "<img src=x data-xss=1 onerror=\"window.__xss=1\"><b data-xss=1>B</b>";

    [SkippableFact]
    public async Task MarkupInAPostTitleAndAPersonsName_IsShownAsText_OnTheRunReview_AndThePersonsPages_TooltipsAndPopupsOpened()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var (runId, personId) = await HostileRun();
        var page = await browser.SignedIn(PlacementApp.Coordinator);
        var leaks = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host.EndsWith("evil.example", StringComparison.Ordinal)) { leaks.Add(route.Request.Url); await route.AbortAsync(); }
            else await route.ContinueAsync();
        });

        foreach (var (path, name) in new[] { ($"/affectations/{runId}", "balisage-revue"), ($"/personnes/{personId}", "balisage-personne"), ($"/personnes/{personId}/postes", "balisage-postes") })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await page.Locator("[data-carte]").CountAsync() > 0)
                await Assertions.Expect(page.Locator("[data-carte][data-ready=true]").First).ToBeVisibleAsync();
            // Every tooltip and popup of the maps is opened: the pointer over each drawn shape, a click on each marker.
            await page.EvaluateAsync("""
                () => {
                  for (const shape of document.querySelectorAll(".leaflet-overlay-pane .leaflet-interactive")) {
                    shape.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, clientX: 10, clientY: 10 }));
                    shape.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, clientX: 10, clientY: 10 }));
                    shape.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: 10, clientY: 10 }));
                  }
                  for (const marker of document.querySelectorAll(".leaflet-marker-icon")) marker.click();
                }
                """);
            await page.WaitForTimeoutAsync(300);
            Assert.True(await page.Locator("[data-xss]").CountAsync() == 0, $"{path}: an element from data exists in the page");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"{path}: a script from data ran");
            Assert.Empty(leaks);
            Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
            await BrowserApp.Check(page, name);
        }
        // The markup is there, as the characters typed.
        await page.GotoAsync($"/affectations/{runId}");
        await Assertions.Expect(page.Locator("#acceptation")).ToContainTextAsync("<b data-xss=\"1\">P</b>");
    }

    /// <summary>A post and a person whose texts hold markup, a run that proposes the one to the other.</summary>
    private async Task<(string RunId, string PersonId)> HostileRun()
    {
        var app = browser.App;
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var postId = await Scenarios.PublishedPostOfANewHostBody(coordinator, "Association " + Markup,
            post => (post["title"], post["description"], post["capacity"]) = ("Peinture " + Markup, "Murs et volets " + Markup, 2));
        var person = await Scenarios.Person(app, postId, edit: p => (p["lastName"], p["skills"], p["maxTravelKm"]) = ("Martin " + ShortMarkup, new[] { "jardinage" }, 2));
        var runId = await Runs.Start(coordinator, new { departements = new[] { "69" }, personIds = new[] { person }, timeLimitSeconds = 10 });
        Assert.Equal("succeeded", (await Runs.WaitFinished(coordinator, runId)).GetProperty("state").GetString());
        return (runId, person);
    }
}
