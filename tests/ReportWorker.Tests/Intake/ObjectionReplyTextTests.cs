using MimeKit;
using ReportWorker.Intake;

namespace ReportWorker.Tests.Intake;

/// <summary>The text an objection is recorded with: what the liaison wrote, without the history the mail client quoted.</summary>
public sealed class ObjectionReplyTextTests
{
    private const string Wrote = "3月报表是按时报送的，请核实。\n\n李海燕";

    [Theory]
    [InlineData("QQ/Foxmail", "------------------ 原始邮件 ------------------\n发件人: \"工委办公室\"<dangjian-report@example.gov.cn>\n发送时间: 2026年1月15日\n主题: 【考核反馈单·初步结果】\n\n贵单位2025年度…")]
    [InlineData("Outlook", "________________________________\n发件人: 省委省直机关工委办公室 <dangjian-report@example.gov.cn>\n发送时间: 2026年1月15日 9:00\n收件人: 李海燕\n主题: 【考核反馈单·初步结果】\n\n贵单位2025年度…")]
    [InlineData("Outlook without a rule", "发件人: 省委省直机关工委办公室 <dangjian-report@example.gov.cn>\n日期: 2026年1月15日\n\n贵单位2025年度…")]
    [InlineData("Gmail", "省委省直机关工委办公室 <dangjian-report@example.gov.cn> 于2026年1月15日周四 09:00写道：\n\n> 贵单位2025年度…")]
    [InlineData("English client", "On Thu, 15 Jan 2026 at 09:00, Office <dangjian-report@example.gov.cn> wrote:\n> 贵单位2025年度…")]
    [InlineData("quoted lines only", "> 贵单位2025年度…\n> 如对初步结果有异议…")]
    [InlineData("Original Message", "-----Original Message-----\nFrom: Office\nSent: Thursday\n\n贵单位2025年度…")]
    public void The_quoted_history_is_cut_off(string client, string history)
    {
        Assert.True(ReplyText.Trim(Wrote + "\n\n\n" + history) == Wrote, client);
    }

    [Fact]
    public void A_reply_written_below_the_quote_keeps_what_was_written_and_drops_the_quoted_lines()
    {
        Assert.Equal("在 2026年1月15日 写道：\n\n3月报表是按时报送的。", ReplyText.Trim("在 2026年1月15日 写道：\n> 贵单位2025年度…\n\n3月报表是按时报送的。"));
    }

    [Fact]
    public void A_line_that_only_mentions_a_sender_is_kept()
    {
        Assert.Equal("发件人：李海燕（联络员）\n\n请核实扣分。", ReplyText.Trim("发件人：李海燕（联络员）\n\n请核实扣分。"));
    }

    [Fact]
    public void An_html_only_reply_is_read_as_text_without_the_blockquote_style_or_entities()
    {
        var message = new MimeMessage
        {
            Body = new TextPart("html")
            {
                Text = "<html><head><style>p{color:red}</style></head><body><div>3月报表是按时报送的，&nbsp;请核实。</div><div><br></div><div>李海燕</div>" +
                       "<div class=\"gmail_quote\"><blockquote><p>贵单位2025年度党建工作考核初步结果…</p></blockquote></div></body></html>",
            },
        };

        Assert.Equal("3月报表是按时报送的， 请核实。\n\n李海燕", ReplyText.Of(message));
    }
}
