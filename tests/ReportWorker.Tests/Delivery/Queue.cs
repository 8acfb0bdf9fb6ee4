using ReportWorker.Delivery;
using ReportWorker.Tests.Support;

namespace ReportWorker.Tests.Delivery;

/// <summary>Puts plain messages in a world's outbox, the way every feature does (OutboxStore.Enqueue).</summary>
internal static class Queue
{
    public static IReadOnlyList<string> Messages(TestWorld world, int count, string prefix = "test")
    {
        var store = world.Get<OutboxStore>();
        var builder = world.Get<MessageBuilder>();
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var key = $"{prefix}/{i}";
            store.Enqueue(new OutgoingMessage(key, "receipt", "U01", [new Recipient($"联络员{i}", $"liaison{i}@example.gov.cn")],
                $"【回执】测试 {i}", $"<p>第 {i} 封</p>", $"第 {i} 封", []));
            ids.Add(builder.MessageIdFor(key));
        }
        return ids;
    }
}
