using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ReportWorker.Benchmarks.Scale;

/// <summary>What a child run says on stdout, one JSON object a line: begin, stage, then done or abort.</summary>
internal static class ScaleReport
{
    private static readonly object Gate = new();

    public static void Emit(object record)
    {
        var line = JsonSerializer.Serialize(record);
        lock (Gate) { Console.Out.WriteLine(line); Console.Out.Flush(); }
    }
}

internal sealed record StageLine(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("items")] int Items,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("cpuSeconds")] double CpuSeconds,
    [property: JsonPropertyName("diskMb")] double DiskMb,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("hwmKb")] long HwmKb)
{
    public double MsPerItem => Items == 0 ? double.NaN : Seconds * 1000 / Items;
}

/// <summary>One factor's outcome as the parent saw it: the stages that finished, and how the run ended.</summary>
internal sealed class FactorResult(int factor)
{
    public int Factor => factor;
    public List<StageLine> Stages { get; } = [];
    public List<(string Name, double? Ms, string Note)> Probes { get; } = [];
    public string? Running { get; set; }
    /// <summary>The last progress line of the stage that was running (seconds into it, what it had done).</summary>
    public (double Seconds, string Note, long Files, long Mails)? Progress { get; set; }

    /// <summary>
    /// A stage stopped before it finished, as a rate: the intake counts files taken in and the delivery mails
    /// received, the same items its finished runs count (the other stages have no such count).
    /// </summary>
    public StageLine? Partial => (Running, Progress) switch
    {
        ("3 intake", { Files: > 0 } p) => new StageLine(Running, (int)p.Files, "files (stopped)", p.Seconds, double.NaN, double.NaN, "", PeakKb ?? 0),
        ("6 delivery", { Mails: > 0 } p) => new StageLine(Running, (int)p.Mails, "mails (stopped)", p.Seconds, double.NaN, double.NaN, "", PeakKb ?? 0),
        _ => null,
    };
    /// <summary>What the running stage said it had made (see ScaleRun.Part).</summary>
    public List<string> Parts { get; } = [];
    public double? ProcessSeconds { get; set; }
    public long? PeakKb { get; set; }
    public long? SmtpBytes { get; set; }
    public long? DataBytes { get; set; }
    /// <summary>Why the run did not finish (aborted, timed out, crashed), or null.</summary>
    public string? Failure { get; set; }
    public string Environment { get; set; } = "";
    public bool SkippedIntake { get; set; }
    public bool SkippedMonthly { get; set; }
    public string? LoadBefore { get; set; }
    public string? LoadAfter { get; set; }
    /// <summary>The month's six stages; the yearly 年考核 stage is reported beside them, not in the sum the goals name.</summary>
    public double StagesSeconds => Stages.Where(s => !s.Stage.Contains(ScaleRun.Yearly, StringComparison.Ordinal)).Sum(s => s.Seconds);
    public bool Finished => Failure is null && ProcessSeconds is not null;

    public void Read(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        switch (root.GetProperty("type").GetString())
        {
            case "begin": Running = root.GetProperty("stage").GetString(); break;
            case "stage": Stages.Add(root.Deserialize<StageLine>()!); Running = null; Progress = null; Parts.Clear(); break;
            case "part": Parts.Add(root.GetProperty("note").GetString()!); break;
            case "progress":
                if (root.GetProperty("stage").GetString() == Running)
                    Progress = (root.GetProperty("seconds").GetDouble(), root.GetProperty("note").GetString()!, root.GetProperty("files").GetInt64(), root.GetProperty("mails").GetInt64());
                PeakKb = root.GetProperty("hwmKb").GetInt64();
                break;
            case "probe":
                Probes.Add((root.GetProperty("name").GetString()!, root.GetProperty("ms").ValueKind == JsonValueKind.Number ? root.GetProperty("ms").GetDouble() : null,
                    root.GetProperty("note").GetString()!));
                break;
            case "done":
                ProcessSeconds = root.GetProperty("totalSeconds").GetDouble();
                PeakKb = root.GetProperty("peakKb").GetInt64();
                SmtpBytes = root.GetProperty("smtpBytes").GetInt64();
                DataBytes = root.GetProperty("dataBytes").GetInt64();
                break;
            case "abort":
                Failure = root.GetProperty("reason").GetString();
                PeakKb = root.GetProperty("hwmKb").GetInt64();
                break;
        }
    }
}

/// <summary>Figures the kernel keeps for this process (/proc/self/status), or for another one (soak), in KB.</summary>
internal static partial class Proc
{
    public static long Kb(string field, string process = "self")
    {
        foreach (var line in File.ReadLines($"/proc/{process}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal)) return long.Parse(Digits().Match(line).Value);
        return 0;
    }

    /// <summary>A counter from /proc/self/io (write_bytes: what this process sent to the disk).</summary>
    public static long Io(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/io"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal)) return long.Parse(Digits().Match(line).Value);
        return 0;
    }

    /// <summary>User and system CPU time the process has used (/proc/PID/stat fields 14 and 15, clock ticks of 10 ms); 0 once it has ended.</summary>
    public static double CpuSeconds(string process)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // comm may hold spaces: read after the last ')'
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { return 0; }
    }

    [GeneratedRegex(@"\d+")] private static partial Regex Digits();
}
