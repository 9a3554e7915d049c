namespace Placement.Web.Tests;

/// <summary>
/// Sections of <c>docs/</c> that tests produce (a table of what they observed), between
/// <c>&lt;!-- name:start --&gt;</c> and <c>&lt;!-- name:end --&gt;</c>: a test fails when the text there is not what it
/// observed; <c>PLACEMENT_WRITE_DOCS=1</c> writes it instead.
/// </summary>
internal static class Documentation
{
    public static string Root
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "Placement.sln"))) root = root.Parent!;
            return root.FullName;
        }
    }

    public static void Section(string file, string name, string content)
    {
        var path = Path.Combine(Root, "docs", file);
        var text = File.ReadAllText(path);
        var (start, end) = ($"<!-- {name}:start -->\n", $"<!-- {name}:end -->");
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/{file} has no section « {name} »");
        var current = text[(from + start.Length)..to];
        if (current == content) return;
        if (Environment.GetEnvironmentVariable("PLACEMENT_WRITE_DOCS") == "1")
            File.WriteAllText(path, text[..(from + start.Length)] + content + text[to..]);
        else
            Assert.Fail($"docs/{file}, section « {name} », is not what the test observed: run it again with PLACEMENT_WRITE_DOCS=1 and commit the change.");
    }
}
