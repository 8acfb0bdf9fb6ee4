using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace ReportWorker.Intake;

/// <summary>Logs in to the configured mailbox and finds (or makes) its folders.</summary>
internal static class MailboxConnection
{
    public static async Task<ImapClient> OpenAsync(MailboxOptions o, CancellationToken ct)
    {
        var client = new ImapClient { Timeout = o.TimeoutSeconds * 1000 };
        if (o.AcceptAnyCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        try
        {
            await client.ConnectAsync(o.Host, o.Port, Map(o.Security), ct);
            await client.AuthenticateAsync(o.UserName, o.Password, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static async Task<IMailFolder?> FindAsync(ImapClient client, string name, CancellationToken ct)
    {
        if (name.Equals("INBOX", StringComparison.OrdinalIgnoreCase)) return client.Inbox;
        try { return await client.GetFolderAsync(name, ct); }
        catch (FolderNotFoundException) { return null; }
    }

    /// <summary>The folder by its full name, created (and subscribed, so mail clients show it) if missing.</summary>
    public static async Task<IMailFolder> FindOrCreateAsync(ImapClient client, string name, CancellationToken ct)
    {
        if (await FindAsync(client, name, ct) is { } existing) return existing;
        // Some servers keep personal folders under a prefix (INBOX.): new folders go under it.
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var separator = root.DirectorySeparator == '\0' ? '/' : root.DirectorySeparator;
        var relative = root.FullName.Length > 0 && name.StartsWith(root.FullName + separator, StringComparison.Ordinal)
            ? name[(root.FullName.Length + 1)..] : name;
        IMailFolder folder = root;
        foreach (var segment in relative.Split(separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = folder.FullName.Length == 0 ? segment : $"{folder.FullName}{separator}{segment}";
            folder = await FindAsync(client, path, ct) ?? await folder.CreateAsync(segment, isMessageFolder: true, ct)
                ?? throw new FolderNotFoundException(path);
        }
        await folder.SubscribeAsync(ct);
        return folder;
    }

    /// <summary>The server or the network failed, not one message: stop this run and try again at the next.</summary>
    public static bool IsTransient(Exception ex) =>
        ex is IOException or SocketException or TimeoutException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or ImapProtocolException or ImapCommandException or SslHandshakeException or AuthenticationException;

    private static SecureSocketOptions Map(MailboxSecurity security) => security switch
    {
        MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
        MailboxSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
