using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Placement.Web.Tests;

/// <summary>
/// Page links are page references (<c>asp-page</c>, <c>Url.Page</c>, <c>RedirectToPage</c>): each names a page that
/// exists, and the links the main pages of each role render lead somewhere.
/// </summary>
[Collection(ApiCollection.Name)]
public partial class PageLinksTests(PlacementApp app)
{
    [GeneratedRegex(""""asp-page="(?<page>/[^"]*)"|(?:Page|RedirectToPage|GetPathByPage)\(\s*"(?<page>/[^"]*)"|Page:\s*"(?<page>/[^"]*)"|PageName\s*=\s*"(?<page>/[^"]*)"|\bPages\.\w+\s*=\s*"(?<page>/[^"]*)"""")]
    private static partial Regex PageReference();

    [SkippableFact]
    public void EveryPageNamed_InTheSources_Exists()
    {
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Select(p => p.ViewEnginePath).ToHashSet(StringComparer.Ordinal);
        var web = Path.Combine(Documentation.Root, "src", "Web");
        var named = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => PageReference().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(web, f), Page: m.Groups["page"].Value)))
            .ToList();
        Assert.True(named.Count > 50, $"only {named.Count} page references found: has the way pages are named changed?");
        var unknown = named.Where(n => !pages.Contains(n.Page)).Select(n => $"{n.File}: {n.Page}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "page references to no page:\n" + string.Join("\n", unknown));
    }

    [GeneratedRegex(""""<(?:a|form)\b[^>]*?\s(?:href|action)="(?<url>/[^"]*)"""")]
    private static partial Regex LocalLink();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [SkippableTheory]
    [InlineData(null)]
    [InlineData(PlacementApp.Officer69)]
    [InlineData(PlacementApp.Coordinator)]
    [InlineData(PlacementApp.Admin)]
    [InlineData(PlacementApp.Partner)]
    public async Task EveryLink_OfTheMainPages_LeadsToAPage(string? email)
    {
        var client = await Client(email);
        var seen = new HashSet<string>(StringComparer.Ordinal); // one page per shape: /personnes/{guid} once
        var queue = new Queue<string>(["/"]);
        var broken = new List<string>();
        var links = new SortedSet<string>(StringComparer.Ordinal);
        for (var visits = 0; queue.Count > 0 && visits < 60; visits++)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.NotFound) { broken.Add(url); continue; }
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            var shape = GuidPattern().Replace(url, "{guid}");
            foreach (Match m in LocalLink().Matches(html))
            {
                var link = WebUtility.HtmlDecode(m.Groups["url"].Value);
                links.Add($"{shape} → {GuidPattern().Replace(link, "{guid}")}");
                if (link.StartsWith("//", StringComparison.Ordinal) || Leaves(link)) continue;
                if (seen.Add(GuidPattern().Replace(link.Split('#')[0], "{guid}"))) queue.Enqueue(link.Split('#')[0]);
            }
        }
        // The error page's own links (it is reached by no link; a visitor is sent to the sign-in instead).
        var nowhere = await client.GetAsync("/nulle-part");
        Assert.Equal(email is null ? HttpStatusCode.Redirect : HttpStatusCode.NotFound, nowhere.StatusCode);
        foreach (Match m in LocalLink().Matches(await nowhere.Content.ReadAsStringAsync()))
        {
            var link = WebUtility.HtmlDecode(m.Groups["url"].Value);
            links.Add($"/nulle-part → {GuidPattern().Replace(link, "{guid}")}");
            if (!Leaves(link) && (await client.GetAsync(link)).StatusCode == HttpStatusCode.NotFound) broken.Add(link);
        }
        if (Environment.GetEnvironmentVariable("PLACEMENT_DUMP_LINKS") is { Length: > 0 } dump)
            File.WriteAllLines(Path.Combine(dump, $"links-{email ?? "anonymous"}.txt"), links);
        Assert.True(broken.Count == 0, "links answering 404:\n" + string.Join("\n", broken));
        Assert.NotEmpty(links);
    }

    /// <summary>Links the crawl does not follow: the API, the dashboards, the files, exports and sign-out.</summary>
    private static bool Leaves(string link) =>
        link.StartsWith("/api/", StringComparison.Ordinal) || link.StartsWith("/hangfire", StringComparison.Ordinal)
        || link.StartsWith("/openapi", StringComparison.Ordinal) || link.StartsWith("/deconnexion", StringComparison.Ordinal)
        || link.Contains("handler=", StringComparison.Ordinal) || Path.HasExtension(link.Split('?')[0]);

    private async Task<HttpClient> Client(string? email)
    {
        await app.IndexFilled();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        if (email is not null)
            (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = PlacementApp.Password })).EnsureSuccessStatusCode();
        return client;
    }
}
