using ReportWorker.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>
/// A delivery journal that looks where the mailbox journal would get its answer from: whether the relay
/// took a message with that Message-Id for the journal address (as an envelope recipient).
/// </summary>
internal sealed class RelayJournal(SmtpTestServer smtp, string address) : IDeliveryJournal
{
    public const string Address = "journal@dangjian.example.gov.cn";

    public List<string> Asked { get; } = [];

    public Task<int?> CountArrivedAsync(string messageId, int expected, CancellationToken ct)
    {
        Asked.Add(messageId);
        return Task.FromResult<int?>(smtp.ByMessageId(messageId).Count(r => r.To.Contains(address)));
    }
}
