using System.Diagnostics;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>
/// The API as a contract, checked as an integrator would: the document served at /openapi/v1.json passes
/// <c>@redocly/cli lint</c> (recommended rules) with no error, declares who may call each operation and its
/// error answers, and a typed client generated from it by <c>openapi-typescript</c> compiles. The tools are
/// pinned in tools/openapi/package.json (and its lock file) and installed by npm when missing.
/// </summary>
[Collection(ApiCollection.Name)]
public class OpenApiTests(PlacementApp app)
{
    private static readonly string Tools = Path.Combine(RepositoryRoot(), "tools", "openapi");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Placement.sln not found above " + AppContext.BaseDirectory);
    }

    private static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Tools, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(300_000), $"{file} {string.Join(' ', args)} did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tool(string name)
    {
        if (!File.Exists(Path.Combine(Tools, "node_modules", ".bin", name)))
        {
            var (code, output) = Run("npm", "ci", "--no-audit", "--no-fund");
            Assert.True(code == 0, "npm ci in tools/openapi failed (Node.js and npm are needed):\n" + output);
        }
        return Path.Combine(Tools, "node_modules", ".bin", name);
    }

    private async Task<(string Path, JsonElement Document)> Document()
    {
        var json = await (await app.ClientFor(null)).GetStringAsync("/openapi/v1.json");
        var path = Path.Combine(Tools, "openapi.json");
        await File.WriteAllTextAsync(path, json);
        return (path, JsonDocument.Parse(json).RootElement);
    }

    [Fact]
    public async Task TheDocument_PassesRedoclyLint_WithNoError()
    {
        var (path, _) = await Document();
        var (code, output) = Run(Tool("redocly"), "lint", path, "--config", Path.Combine(Tools, "redocly.yaml"), "--format", "stylish");
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task EveryOperation_DeclaresItsSecurity_AndItsErrorAnswers()
    {
        var (_, document) = await Document();
        Assert.Equal(["bearer", "cookie"], document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Name).Order());
        Assert.False(string.IsNullOrWhiteSpace(document.GetProperty("info").GetProperty("description").GetString()));
        Assert.All(document.GetProperty("tags").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("description").GetString())));
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Name: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value))).ToList();
        Assert.True(operations.Count > 40);
        foreach (var (name, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("security", out var security), $"{name}: no security declared");
            var open = security.EnumerateArray().All(r => !r.EnumerateObject().Any());
            // The calendar feed: calendar apps cannot sign in, its token is the key.
            Assert.Equal(name is "POST /api/auth/login" or "POST /api/host-body-applications" or "GET /api/tutors/me/calendar.ics", open);
            var errors = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            Assert.True(errors.Count > 0, $"{name}: no 4xx answer documented");
            Assert.All(errors, r => Assert.True(r.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {r.Name}: not a problem"));
        }
    }

    [Fact]
    public async Task ATypedClientGeneratedFromTheDocument_Compiles()
    {
        var (path, _) = await Document();
        var (generated, output) = Run(Tool("openapi-typescript"), path, "-o", Path.Combine(Tools, "api.d.ts"));
        Assert.True(generated == 0, output);
        var (compiled, errors) = Run(Tool("tsc"), "-p", Tools);
        Assert.True(compiled == 0, errors);
    }
}
