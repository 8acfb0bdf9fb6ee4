using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace ReportWorker.Intake;

/// <summary>
/// What a person wrote in a reply, without the history their mail client quoted below it. The whole message is
/// archived and forwarded, so trimming only decides what the office reads first and what the register keeps.
/// </summary>
public static partial class ReplyText
{
    /// <summary>The plain text (from the HTML when there is no plain part), cut at the quoted history, quoted lines dropped.</summary>
    public static string Of(MimeMessage message)
    {
        var text = message.TextBody is { Length: > 0 } plain ? plain
            : message.HtmlBody is { Length: > 0 } html ? FromHtml(html)
            : "";
        return Trim(text);
    }

    /// <summary>
    /// The text of an HTML-only reply: a line per block, runs of blanks as one, and nothing inside a blockquote
    /// (where webmail puts the quoted history) or inside style, script and head.
    /// </summary>
    public static string FromHtml(string html)
    {
        var text = new StringBuilder();
        var hidden = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.BlockQuote or HtmlTagId.Style or HtmlTagId.Script or HtmlTagId.Head or HtmlTagId.Title:
                    if (!tag.IsEmptyElement) hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR or HtmlTagId.Table
                    or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6 or HtmlTagId.HR or HtmlTagId.Pre:
                    if (hidden == 0) text.Append('\n');
                    break;
                case HtmlDataToken data when hidden == 0:
                    text.Append(Spaces().Replace(data.Data, " "));
                    break;
            }
        }
        return string.Join("\n", text.ToString().Split('\n').Select(l => l.Trim()));
    }

    /// <summary>
    /// Cuts at the first line that starts the quoted history (a "原始邮件"/"Original Message" rule, a line ending in
    /// 写道：/wrote:, an Outlook rule, or a 发件人/From line followed by the quoted mail's other headers) and drops
    /// lines quoted with "&gt;". When nothing is left above the history (the reply was written below it), the whole
    /// text less its "&gt;" lines is kept instead: an empty body would lose what was written.
    /// </summary>
    public static string Trim(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var cut = Enumerable.Range(0, lines.Length).FirstOrDefault(n => StartsHistory(lines, n), lines.Length);
        var kept = Unquoted(lines.Take(cut));
        return kept.Length > 0 ? kept : Unquoted(lines);
    }

    private static bool StartsHistory(string[] lines, int n)
    {
        var line = lines[n].Trim();
        if (Separator().IsMatch(line) || Attribution().IsMatch(line)) return true;
        if (OutlookRule().IsMatch(line)) return lines.Skip(n + 1).Take(3).Any(l => HeaderLine().IsMatch(l.Trim()));
        // A quoted header block: 发件人/From, then at least one more header line within the next few lines.
        return FromLine().IsMatch(line) && lines.Skip(n + 1).Take(5).Any(l => HeaderLine().IsMatch(l.Trim()));
    }

    private static string Unquoted(IEnumerable<string> lines)
    {
        var kept = lines.Where(l => !l.TrimStart().StartsWith('>')).Select(l => l.TrimEnd()).ToArray();
        return BlankRun().Replace(string.Join("\n", kept), "\n\n").Trim();
    }

    [GeneratedRegex(@"^-{2,}\s*(原始邮件|原邮件|Original Message|Forwarded message|转发邮件信息|转发的邮件)", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"(写道|wrote)\s*[:：]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex OutlookRule();

    [GeneratedRegex(@"^\*?(发件人|From)\*?\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^\*?(发件人|发送时间|时间|日期|收件人|抄送|主题|From|Sent|Date|To|Cc|Subject)\*?\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRun();
}
