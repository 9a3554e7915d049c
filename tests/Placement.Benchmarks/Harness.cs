using System.Diagnostics;
using System.Globalization;

namespace Placement.Benchmarks;

/// <summary>A benchmark prints a table of figures measured on this machine.</summary>
public interface IBenchmark
{
    string Name { get; }
    void Run(TextWriter output);
}

/// <summary>Timing and table helpers shared by the benchmarks.</summary>
public static class Measure
{
    public static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    /// <summary>The <paramref name="p"/>-th percentile (0–100) of durations in milliseconds, nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> milliseconds, double p)
    {
        var sorted = milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double PeakMemoryMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>Writes a Markdown table, ready to paste into docs/benchmarks.md.</summary>
    public static void Table(TextWriter output, string[] header, IEnumerable<object[]> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("| " + string.Join(" | ", header) + " |");
        output.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
            output.WriteLine("| " + string.Join(" | ", row.Select(c => c is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : Convert.ToString(c, CultureInfo.InvariantCulture))) + " |");
    }
}
