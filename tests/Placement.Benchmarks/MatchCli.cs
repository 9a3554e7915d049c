using System.Diagnostics;
using System.Globalization;

namespace Placement.Benchmarks;

/// <summary>What a <c>match</c> run reported: its exit code, its wall time and peak resident memory (GNU time), its messages.</summary>
public sealed record MatchRun(int ExitCode, double Seconds, double PeakMiB, string Messages);

/// <summary>
/// The <c>match</c> CLI of a build of Placement.Web, each run in a child process under GNU time (<c>/usr/bin/time -f "%e %M"</c>)
/// so that the process's own wall time and peak memory are measured, and so that another build can be measured: the dll
/// is <c>PLACEMENT_MATCH_DLL</c> when set, else this repository's Release build (built when missing).
/// </summary>
public static class MatchCli
{
    public static string Dll(string repositoryRoot)
    {
        if (Environment.GetEnvironmentVariable("PLACEMENT_MATCH_DLL") is { Length: > 0 } dll)
            return File.Exists(dll) ? Path.GetFullPath(dll) : throw new FileNotFoundException($"PLACEMENT_MATCH_DLL: no {dll}");
        var built = Path.Combine(repositoryRoot, "src", "Web", "bin", "Release", "net10.0", "Placement.Web.dll");
        if (!File.Exists(built))
        {
            var build = Start("dotnet", ["build", "-c", "Release", Path.Combine("src", "Web"), "-v", "q"], repositoryRoot);
            if (build.ExitCode != 0) throw new InvalidOperationException($"dotnet build src/Web failed ({build.ExitCode}): {build.Output}");
        }
        return built;
    }

    /// <summary>Solves <paramref name="input"/> into <paramref name="output"/>; stdin, stdout and stderr redirected, so the CLI shows no progress.</summary>
    public static MatchRun Run(string dll, string input, string output)
    {
        var run = Start("/usr/bin/time", ["-f", "%e %M", "dotnet", dll, "match", "--input", input, "--output", output], Path.GetDirectoryName(dll)!);
        // GNU time writes its line last on stderr, after the CLI's own messages.
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var measured = lines[^1].Split(' ');
        return new MatchRun(run.ExitCode, double.Parse(measured[0], CultureInfo.InvariantCulture),
            long.Parse(measured[1], CultureInfo.InvariantCulture) / 1024.0, string.Join(" | ", lines[..^1].Prepend(run.Output.Trim()).Where(l => l.Length > 0)));
    }

    private static (int ExitCode, string Output, string Error) Start(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
