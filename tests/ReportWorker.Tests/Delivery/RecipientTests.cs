using MimeKit;
using ReportWorker.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>Our own recipient type: what the features pass to Delivery instead of MimeKit's MailboxAddress.</summary>
public sealed class RecipientTests
{
    [Theory]
    [InlineData("swbgt@example.gov.cn", true)]
    [InlineData("ssjt.dj@example.gov.cn", true)]
    [InlineData("swt.example.gov.cn", false)]          // no @
    [InlineData("a@b@example.gov.cn", false)]          // two
    [InlineData("admin@localhost", false)]             // no dot in the domain
    [InlineData("王晓明 <swbgt@example.gov.cn>", false)] // a name around it: not what a registry cell holds
    [InlineData(" swbgt@example.gov.cn", false)]       // what a header would write differs from what was typed
    [InlineData("", false)]
    public void Accepts_only_a_bare_address_as_a_person_types_it_in_a_registry(string text, bool valid)
    {
        Assert.Equal(valid, Recipient.IsValidAddress(text));
    }

    [Fact]
    public void Parses_a_bare_address_and_one_with_a_display_name()
    {
        var bare = Recipient.Parse("gongwei-office@example.gov.cn");
        var named = Recipient.Parse("王晓明 <swbgt@example.gov.cn>");

        Assert.Equal(new Recipient("", "gongwei-office@example.gov.cn"), bare);
        Assert.Equal(new Recipient("王晓明", "swbgt@example.gov.cn"), named);
    }

    [Fact]
    public void TryParse_refuses_what_is_not_one_mailbox()
    {
        Assert.False(Recipient.TryParse("a@example.gov.cn, b@example.gov.cn", out var two));
        Assert.Null(two);
        Assert.False(Recipient.TryParse("<<<", out _));
        Assert.True(Recipient.TryParse("ssjt@example.gov.cn", out var one));
        Assert.Equal("ssjt@example.gov.cn", one.Address);
    }

    [Fact]
    public void Keeps_the_address_as_a_mail_header_writes_it()
    {
        Assert.Equal("swbgt@example.gov.cn", new Recipient("王晓明", "swbgt (办公厅) @example.gov.cn ").Address);
    }

    [Fact]
    public void The_built_message_names_every_recipient_with_its_name()
    {
        using var world = new TestWorld();
        var message = new OutgoingMessage("test/1", "receipt", "U02", [new Recipient("李海燕", "ssjt@example.gov.cn")], "s", "<p>h</p>", "t", [])
        {
            Cc = [new Recipient("", "gongwei-office@example.gov.cn")],
            Bcc = [new Recipient("张伟", "ssjt.dj@example.gov.cn")],
        };

        var mime = MimeMessage.Load(new MemoryStream(world.Get<MessageBuilder>().Build(message)), TestContext.Current.CancellationToken);

        Assert.Equal([("李海燕", "ssjt@example.gov.cn")], mime.To.Mailboxes.Select(m => (m.Name, m.Address)));
        Assert.Equal(["gongwei-office@example.gov.cn"], mime.Cc.Mailboxes.Select(m => m.Address));
        // Stored with its Bcc header; the SMTP client leaves that out of what it sends.
        Assert.Equal([("张伟", "ssjt.dj@example.gov.cn")], mime.Bcc.Mailboxes.Select(m => (m.Name, m.Address)));
    }
}
