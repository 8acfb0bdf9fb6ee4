using MimeKit;
using MimeKit.Cryptography;

namespace ReportWorker.Intake;

/// <summary>
/// What the receiving server found about a message's From address. <paramref name="Found"/>: it recorded results at all.
/// <paramref name="Via"/>: the aligned pass that verified the sender (dmarc, dkim, spf), or empty. <paramref name="Results"/>:
/// the SPF, DKIM and DMARC results as the server recorded them, for people to read.
/// </summary>
public sealed record SenderVerdict(bool Verified, bool Found, string Via, string Results);

/// <summary>
/// Reads the receiving server's Authentication-Results headers (RFC 8601) and says whether they vouch for the From domain:
/// DMARC passed, or DKIM passed for a domain aligned with it, or SPF passed for an envelope sender aligned with it.
/// Aligned means the same organisational domain, approximated as equal or one a subdomain of the other (no public
/// suffix list; a bare top-level domain never aligns).
/// </summary>
public static class SenderAuthentication
{
    private static readonly string[] Methods = ["spf", "dkim", "dmarc"];

    public static SenderVerdict Evaluate(HeaderList headers, string authServId, string fromAddress)
    {
        var fromDomain = DomainOf(fromAddress);
        var results = Trusted(headers, authServId);
        var spf = results.GetValueOrDefault("spf", []);
        var dkim = results.GetValueOrDefault("dkim", []);
        var dmarc = results.GetValueOrDefault("dmarc", []);

        var via = "";
        // DMARC judged the From domain itself; one it names otherwise was another From header (a second From is a known trick).
        if (dmarc.Any(r => Passed(r) && (Property(r, "header.from") is not { } d || string.Equals(d.TrimEnd('.'), fromDomain, StringComparison.OrdinalIgnoreCase)))) via = "dmarc";
        else if (dkim.FirstOrDefault(r => Passed(r) && Aligned(Property(r, "header.d"), fromDomain)) is { } k) via = $"dkim (header.d={Property(k, "header.d")})";
        else if (spf.FirstOrDefault(r => Passed(r) && Aligned(DomainOf(Property(r, "smtp.mailfrom")), fromDomain)) is { } s) via = $"spf (smtp.mailfrom={Property(s, "smtp.mailfrom")})";

        var summary = string.Join("；", Methods.Select(m => Describe(m, results.GetValueOrDefault(m, []), fromDomain)));
        return new SenderVerdict(via.Length > 0, results.Count > 0, via, summary);
    }

    /// <summary>
    /// The trusted server's results, by method. Its headers are the topmost run of consecutive Authentication-Results
    /// headers bearing its authserv-id: a server prepends its own, so one that a sender wrote into the message sits below
    /// them (RFC 8601 §5 asks servers to remove those; not all do). Headers of any other authserv-id are never believed.
    /// Within the run each method counts from the first header that reports it, so a lower copy cannot add a second verdict.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<AuthenticationMethodResult>> Trusted(HeaderList headers, string authServId)
    {
        var byMethod = new Dictionary<string, IReadOnlyList<AuthenticationMethodResult>>(StringComparer.OrdinalIgnoreCase);
        var inRun = false;
        foreach (var header in headers)
        {
            var parsed = header.Id == HeaderId.AuthenticationResults && AuthenticationResults.TryParse(header.RawValue, out var ar) ? ar : null;
            var trusted = parsed is not null && string.Equals(parsed.AuthenticationServiceIdentifier, authServId, StringComparison.OrdinalIgnoreCase);
            if (!trusted)
            {
                if (inRun) break;
                continue;
            }
            inRun = true;
            foreach (var group in parsed!.Results.GroupBy(r => r.Method, StringComparer.OrdinalIgnoreCase))
                byMethod.TryAdd(group.Key, group.ToArray());
        }
        return byMethod;
    }

    private static string Describe(string method, IReadOnlyList<AuthenticationMethodResult> results, string fromDomain)
    {
        var name = method.ToUpperInvariant();
        if (results.Count == 0) return $"{name}=未记录";
        return string.Join("，", results.Select(r =>
        {
            var key = method switch { "spf" => "smtp.mailfrom", "dkim" => "header.d", _ => "header.from" };
            var value = Property(r, key);
            var domain = method == "spf" ? DomainOf(value) : value?.TrimEnd('.').ToLowerInvariant();
            var matches = method == "dmarc" ? domain == fromDomain : Aligned(domain, fromDomain);
            var note = value is null ? "" : Passed(r) && !matches ? $"（{key}={value}，与发件人域名 {fromDomain} 不一致）" : $"（{key}={value}）";
            return $"{name}={r.Result}{note}";
        }));
    }

    private static bool Passed(AuthenticationMethodResult r) => string.Equals(r.Result, "pass", StringComparison.OrdinalIgnoreCase);

    private static string? Property(AuthenticationMethodResult r, string name) =>
        r.Properties.FirstOrDefault(p => string.Equals($"{p.PropertyType}.{p.Property}", name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The domain of an address ("user@domain"), or the text itself when it is a bare domain.</summary>
    internal static string DomainOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return "";
        var text = address.Trim().Trim('<', '>');
        return text[(text.LastIndexOf('@') + 1)..].TrimEnd('.').ToLowerInvariant();
    }

    internal static bool Aligned(string? domain, string fromDomain)
    {
        if (string.IsNullOrEmpty(domain) || fromDomain.Length == 0) return false;
        var a = domain.Trim().TrimEnd('.').ToLowerInvariant();
        var b = fromDomain;
        if (a == b) return true;
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return shorter.Contains('.') && longer.EndsWith("." + shorter, StringComparison.Ordinal);
    }
}
