using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace ReportWorker.Delivery;

/// <summary>
/// Someone a message goes to, as the features name them. MimeKit stays in Delivery: a
/// <see cref="MailboxAddress"/> is made from this only when the message is built.
/// </summary>
public sealed record Recipient(string Name, string Address)
{
    // MimeKit's reading of the address (comments and trailing blanks dropped; a malformed one throws here,
    // where the feature names it), so the outbox's list of recipients is exactly what the headers say.
    public string Address { get; } = new MailboxAddress(Name, Address).Address;

    /// <summary>An address as a mail header writes it ("a@b.cn" or "张三 &lt;a@b.cn&gt;"); throws if it is not one mailbox.</summary>
    public static Recipient Parse(string text) => From(MailboxAddress.Parse(text));

    public static bool TryParse(string text, [NotNullWhen(true)] out Recipient? recipient)
    {
        recipient = MailboxAddress.TryParse(text, out var mailbox) ? From(mailbox) : null;
        return recipient is not null;
    }

    /// <summary>
    /// A bare address as a person types it in a registry: one @, nothing a mail header would drop or
    /// change, and a dot in the domain (so "name@localhost" or a name in angle brackets is refused).
    /// </summary>
    public static bool IsValidAddress(string text) =>
        text.Count(c => c == '@') == 1 && MailboxAddress.TryParse(text, out var m) && m.Address == text && text.Split('@')[1].Contains('.');

    private static Recipient From(MailboxAddress mailbox) => new(mailbox.Name ?? "", mailbox.Address);
}
