using MimeKit;
using ReportWorker.Intake;

namespace ReportWorker.Tests.Intake;

/// <summary>Which Authentication-Results headers are believed, and which results vouch for the From domain.</summary>
public sealed class SenderAuthenticationTests
{
    private const string From = "ssjt@example.gov.cn";

    [Theory]
    [InlineData("mx.test; dmarc=pass header.from=example.gov.cn", true, "dmarc")]
    [InlineData("mx.test; dmarc=fail (p=reject) header.from=example.gov.cn", false, "")]
    [InlineData("mx.test; dkim=pass header.d=mail.example.gov.cn header.s=s1", true, "dkim (header.d=mail.example.gov.cn)")]
    [InlineData("mx.test; dkim=pass header.d=gov.cn", true, "dkim (header.d=gov.cn)")]
    [InlineData("mx.test; dkim=pass header.d=cn", false, "")]
    [InlineData("mx.test; dkim=pass header.d=example.gov.cn.evil.com", false, "")]
    [InlineData("mx.test; dkim=pass header.d=notexample.gov.cn", false, "")]
    [InlineData("mx.test; spf=pass smtp.mailfrom=bounce@example.gov.cn", true, "spf (smtp.mailfrom=bounce@example.gov.cn)")]
    [InlineData("mx.test; spf=pass smtp.mailfrom=bounce@sendgrid.net", false, "")]
    [InlineData("mx.test; spf=softfail smtp.mailfrom=example.gov.cn", false, "")]
    [InlineData("MX.TEST; SPF=Pass smtp.mailfrom=Example.Gov.Cn.", true, "spf (smtp.mailfrom=Example.Gov.Cn.)")]
    // DMARC judged another From header (the double-From trick): not ours.
    [InlineData("mx.test; dmarc=pass header.from=attacker.example", false, "")]
    public void A_result_from_the_trusted_server_vouches_only_when_it_passed_for_an_aligned_domain(string header, bool verified, string via)
    {
        var verdict = Evaluate(header);

        Assert.Equal((verified, true, via), (verdict.Verified, verdict.Found, verdict.Via));
    }

    [Fact]
    public void Headers_of_another_server_are_never_believed()
    {
        var verdict = Evaluate("evil.example; dmarc=pass header.from=example.gov.cn", "mx.test; dmarc=fail header.from=example.gov.cn");

        Assert.False(verdict.Verified);
        Assert.Equal("SPF=未记录；DKIM=未记录；DMARC=fail（header.from=example.gov.cn）", verdict.Results);
    }

    [Fact]
    public void A_trusted_header_the_sender_wrote_below_the_servers_own_is_not_believed()
    {
        // Top to bottom: the server's verdict, its Received line, then what the sender put in the message.
        // The server reported SPF only; the sender's copy adds a DMARC pass the server never gave.
        var verdict = Evaluate("mx.test; spf=fail smtp.mailfrom=example.gov.cn",
            "Received: from x by mx.test", "mx.test; dmarc=pass header.from=example.gov.cn");

        Assert.False(verdict.Verified);
    }

    [Fact]
    public void Several_headers_of_the_trusted_server_at_the_top_are_read_together_and_each_method_counts_once()
    {
        var verdict = Evaluate("mx.test; dmarc=none header.from=example.gov.cn", "mx.test; dkim=pass header.d=example.gov.cn", "mx.test; spf=neutral",
            "mx.test; dkim=fail header.d=example.gov.cn");

        Assert.Equal((true, "dkim (header.d=example.gov.cn)"), (verdict.Verified, verdict.Via));
        Assert.Equal("SPF=neutral；DKIM=pass（header.d=example.gov.cn）；DMARC=none（header.from=example.gov.cn）", verdict.Results);
    }

    [Fact]
    public void No_header_from_the_trusted_server_is_not_verified_and_says_nothing_was_found()
    {
        var verdict = Evaluate("other.example; dmarc=pass", "not a header at all;;");

        Assert.Equal((false, false), (verdict.Verified, verdict.Found));
    }

    [Fact]
    public void An_unaligned_pass_is_shown_as_not_matching_the_sender_domain()
    {
        var verdict = Evaluate("mx.test; spf=pass smtp.mailfrom=bounce@other.cn; dkim=none; dmarc=none header.from=example.gov.cn");

        Assert.Contains("SPF=pass（smtp.mailfrom=bounce@other.cn，与发件人域名 example.gov.cn 不一致）", verdict.Results);
    }

    private static SenderVerdict Evaluate(params string[] headers)
    {
        var message = new MimeMessage();
        foreach (var h in headers)
        {
            if (h.StartsWith("Received:", StringComparison.Ordinal)) message.Headers.Add(HeaderId.Received, h["Received:".Length..]);
            else message.Headers.Add(HeaderId.AuthenticationResults, h);
        }
        return SenderAuthentication.Evaluate(message.Headers, "mx.test", From);
    }
}
