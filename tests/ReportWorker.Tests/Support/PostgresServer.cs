using System.Diagnostics;
using Npgsql;

namespace ReportWorker.Tests.Support;

/// <summary>
/// A real PostgreSQL started from the machine's binaries on 127.0.0.1 in a throw-away folder, once
/// per test run, stopped when the run ends. Each test world gets its own database. As root, the
/// server runs as the postgres user (initdb refuses root). Without the binaries the tests that need
/// it skip, except in CI (CI=true), where that is a failure.
/// </summary>
public sealed class PostgresServer
{
    public const string Password = "pg-test-pw";
    private static readonly Lazy<PostgresServer> Shared = new(() => new PostgresServer());
    private readonly string? _dir;
    private readonly string? _bin;
    private int _databases;

    public static PostgresServer Instance => Shared.Value;

    private PostgresServer()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (!OperatingSystem.IsLinux() || _bin is null)
        {
            Problem = "PostgreSQL is not installed (apt-get install postgresql; .ci/run installs it)";
            return;
        }
        _dir = Directory.CreateTempSubdirectory("rw-pg-").FullName;
        try
        {
            Start();
            Running = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        }
        catch (Exception ex)
        {
            var log = Path.Combine(_dir, "pg.log");
            Problem = $"PostgreSQL did not start: {ex.Message}{(File.Exists(log) ? "\n" + File.ReadAllText(log) : "")}";
        }
    }

    public bool Running { get; }
    public string? Problem { get; }
    public int Port { get; private set; }

    /// <summary>Skips the test when PostgreSQL cannot be had here; in CI that is a failure.</summary>
    public void Require()
    {
        if (Running) return;
        if (_bin is not null || Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(Problem);
        Assert.Skip(Problem!);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Password={Password};Pooling=true;Maximum Pool Size=20";

    /// <summary>A new, empty database of its own.</summary>
    public string NewDatabase()
    {
        var name = $"rw_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var c = new NpgsqlConnection(ConnectionString("postgres"));
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
        cmd.ExecuteNonQuery();
        return name;
    }

    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(ConnectionString("postgres"));
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }

    private void Start()
    {
        var root = Environment.UserName == "root";
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(_dir!, (UnixFileMode)0b111_101_101);
        var pw = Path.Combine(_dir!, "pw");
        File.WriteAllText(pw, Password);
        if (root) Run("chown", "-R", "postgres:", _dir!);
        Port = SmtpTestServer.FreePort();
        var data = Path.Combine(_dir!, "pg");
        AsServer(root, Path.Combine(_bin!, "initdb"), "-D", data, "-U", "postgres", $"--pwfile={pw}", "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        AsServer(root, Path.Combine(_bin!, "pg_ctl"), "-D", data, "-l", Path.Combine(_dir!, "pg.log"), "-w", "-t", "30", "-o",
            $"-c listen_addresses=127.0.0.1 -p {Port} -k {_dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start");
    }

    private void Stop()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            AsServer(Environment.UserName == "root", Path.Combine(_bin!, "pg_ctl"), "-D", Path.Combine(_dir!, "pg"), "-m", "immediate", "-w", "stop");
            Directory.Delete(_dir!, recursive: true);
        }
        catch (Exception) { /* the run is over; a left-over temp folder is harmless */ }
    }

    private static void AsServer(bool root, string program, params string[] args)
    {
        if (root) Run("runuser", ["-u", "postgres", "--", program, .. args]);
        else Run(program, args);
    }

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {p.ExitCode}: {error.Result}");
    }
}
