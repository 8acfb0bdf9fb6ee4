using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace ReportWorker.Tests.Support;

/// <summary>
/// A real Dovecot IMAP server on 127.0.0.1 from a throw-away config (STARTTLS with a certificate
/// made here), shared by a test class. Any user name logs in with <see cref="Password"/>, so each
/// test takes its own user and sees only its own mail. As root, Dovecot runs as nobody.
/// Without /usr/sbin/dovecot the tests skip, except in CI (CI=true), where that is a failure.
/// </summary>
public sealed class DovecotServer : IDisposable
{
    public const string Password = "imap-test-pw";
    private const string Binary = "/usr/sbin/dovecot";
    private readonly string? _dir;
    private int _users;
    private Process? _master;

    public DovecotServer()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Binary))
        {
            Problem = $"{Binary} is not installed (apt-get install dovecot-imapd; .ci/run installs it)";
            return;
        }
        _dir = Directory.CreateTempSubdirectory("rw-dovecot-").FullName;
        try
        {
            Start(_dir);
            Running = true;
        }
        catch (Exception ex)
        {
            var log = Path.Combine(_dir, "dovecot.log");
            Problem = $"Dovecot did not start: {ex.Message}{(File.Exists(log) ? "\n" + File.ReadAllText(log) : "")}";
            Installed = true;
        }
    }

    public bool Running { get; }
    public bool Installed { get; } = false;
    public string? Problem { get; }
    public int Port { get; private set; }

    /// <summary>Call first in each test: skips when Dovecot is not installed (fails in CI, or when it is installed but broken).</summary>
    public void Require()
    {
        if (Running) return;
        if (Installed || Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(Problem);
        Assert.Skip(Problem!);
    }

    /// <summary>A user no other test uses: its own empty INBOX.</summary>
    public string NewUser() => $"liaison{Interlocked.Increment(ref _users)}";

    /// <summary>Worker settings for reading this user's mailbox.</summary>
    public Dictionary<string, string?> Settings(string user) => new()
    {
        ["Intake:Mailbox:Host"] = "127.0.0.1",
        ["Intake:Mailbox:Port"] = Port.ToString(),
        ["Intake:Mailbox:Security"] = "StartTls",
        ["Intake:Mailbox:UserName"] = user,
        ["Intake:Mailbox:Password"] = Password,
        ["Intake:Mailbox:AcceptAnyCertificate"] = "true",
        ["Intake:Mailbox:TimeoutSeconds"] = "15",
        // Tests that look for a copy that is not there should not wait the production minute for it.
        ["Intake:Mailbox:JournalWaitSeconds"] = "0",
    };

    public async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient { Timeout = 15_000, ServerCertificateValidationCallback = (_, _, _, _) => true };
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    /// <summary>Puts a message into the user's folder as if it had been delivered; the server keeps these bytes.</summary>
    public async Task AppendAsync(string user, byte[] raw, string folder = "INBOX")
    {
        using var client = await ConnectAsync(user);
        var target = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder);
        using var stream = new MemoryStream(raw);
        await target.AppendAsync(new AppendRequest(await MimeMessage.LoadAsync(stream)));
        await client.DisconnectAsync(true);
    }

    /// <summary>The raw bytes of every message in the folder, oldest first; empty if the folder does not exist.</summary>
    public async Task<IReadOnlyList<byte[]>> MessagesAsync(string user, string folder)
    {
        using var client = await ConnectAsync(user);
        IMailFolder target;
        try { target = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder); }
        catch (FolderNotFoundException) { return []; }
        await target.OpenAsync(FolderAccess.ReadOnly);
        var all = new List<byte[]>();
        foreach (var uid in (await target.SearchAsync(MailKit.Search.SearchQuery.All)).OrderBy(u => u.Id))
        {
            using var stream = await target.GetStreamAsync(uid);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            all.Add(copy.ToArray());
        }
        await client.DisconnectAsync(true);
        return all;
    }

    /// <summary>The IMAP commands the user's sessions have finished so far, oldest first, as Dovecot logged them.</summary>
    public IReadOnlyList<string> CommandsOf(string user)
    {
        var marker = $"imap({user})<";
        const string Finished = "Debug: Command finished: ";
        using var stream = new FileStream(Path.Combine(_dir!, "dovecot.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var commands = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Contains(marker, StringComparison.Ordinal) && line.IndexOf(Finished, StringComparison.Ordinal) is var at and >= 0)
                commands.Add(line[(at + Finished.Length)..]);
        return commands;
    }

    /// <summary>Waits until the user's sessions have finished <paramref name="count"/> commands containing <paramref name="text"/>.</summary>
    public async Task WaitForCommandsAsync(string user, string text, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (CommandsOf(user).Count(c => c.Contains(text, StringComparison.Ordinal)) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{user} did not finish {count} × '{text}' within {timeout}; it finished: {string.Join(" | ", CommandsOf(user))}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (_dir is null) return;
        if (_master is { HasExited: false })
        {
            Run("kill", "-TERM", _master.Id.ToString());
            if (!_master.WaitForExit(TimeSpan.FromSeconds(10))) _master.Kill(entireProcessTree: true);
        }
        _master?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private void Start(string dir)
    {
        var root = Run("id", "-u").Trim() == "0";
        var (user, group) = root ? ("nobody", "nogroup") : (Environment.UserName, Run("id", "-gn").Trim());
        foreach (var sub in (string[])["run", "state", "home"]) Directory.CreateDirectory(Path.Combine(dir, sub));
        WriteCertificate(dir);
        Port = SmtpTestServer.FreePort();
        File.WriteAllText(Path.Combine(dir, "dovecot.conf"), Config(dir, user, group, Port));
        if (root)
        {
            // mktemp-style folders are 0700: the unprivileged server must be able to reach and own its files.
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
            Run("chown", "-R", $"{user}:{group}", dir);
        }
        // In the foreground (-F) the master is our child: we hold its handle and stop it ourselves.
        var info = new ProcessStartInfo(root ? "setpriv" : Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (root) foreach (var a in (string[])["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", Binary]) info.ArgumentList.Add(a);
        foreach (var a in (string[])["-F", "-c", Path.Combine(dir, "dovecot.conf")]) info.ArgumentList.Add(a);
        _master = Process.Start(info)!;
        _master.OutputDataReceived += (_, _) => { };
        _master.ErrorDataReceived += (_, _) => { };
        _master.BeginOutputReadLine();
        _master.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_master.HasExited) throw new InvalidOperationException($"dovecot exited with {_master.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException) { Thread.Sleep(100); }
        }
        throw new TimeoutException($"nothing listens on 127.0.0.1:{Port} after 60 s");
    }

    private static string Config(string d, string user, string group, int port) => $$"""
        base_dir = {{d}}/run
        state_dir = {{d}}/state
        log_path = {{d}}/dovecot.log
        protocols = imap
        listen = 127.0.0.1
        ssl = yes
        ssl_cert = <{{d}}/cert.pem
        ssl_key = <{{d}}/key.pem
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        # Every finished IMAP command is logged with its user: tests wait for a client to have done something.
        log_debug = event=imap_command_finished
        default_internal_user = {{user}}
        default_internal_group = {{group}}
        default_login_user = {{user}}
        first_valid_uid = 1
        passdb {
          driver = static
          args = password={{Password}}
        }
        userdb {
          driver = static
          args = uid={{user}} gid={{group}} home={{d}}/home/%n
        }
        mail_location = maildir:~/Maildir
        namespace inbox {
          inbox = yes
          separator = /
        }
        service imap-login {
          chroot =
          inet_listener imap {
            address = 127.0.0.1
            port = {{port}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        service anvil {
          chroot =
        }
        """;

    private static void WriteCertificate(string dir)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        File.WriteAllText(Path.Combine(dir, "cert.pem"), cert.ExportCertificatePem());
        File.WriteAllText(Path.Combine(dir, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30))) { process.Kill(); throw new TimeoutException(file); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
