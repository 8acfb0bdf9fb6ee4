using System.Text;

namespace ReportWorker.Tests.Support;

/// <summary>
/// A winmail.dat as Outlook writes one (MS-OXTNEF): the TNEF signature, the message's attributes (version, OEM code page,
/// message class, a MAPI body in rich text, HTML and plain text) and, per file, attRenddata, attAttachTitle (the 8.3-era name
/// in the code page), attAttachData (the bytes) and attAttachment (MAPI properties with the long Unicode name). MimeKit
/// 4.18 only reads TNEF, so the tests write it here, byte by byte.
/// </summary>
public static class TnefFile
{
    private const byte MessageLevel = 1, AttachmentLevel = 2;

    public static byte[] Write(string body, params (string Name, byte[] Content)[] files)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding(936);
        using var stream = new MemoryStream();
        var w = new BinaryWriter(stream);
        w.Write(0x223E9F78u);          // TNEF signature
        w.Write((ushort)0x0001);       // legacy key
        void Attribute(byte level, uint tag, byte[] data)
        {
            w.Write(level);
            w.Write(tag);
            w.Write((uint)data.Length);
            w.Write(data);
            w.Write((ushort)data.Sum(b => b));   // checksum: the data's bytes added up, modulo 65536
        }

        Attribute(MessageLevel, 0x00089006, BitConverter.GetBytes(0x00010000u));                    // attTnefVersion
        Attribute(MessageLevel, 0x00069007, [.. BitConverter.GetBytes(936u), 0, 0, 0, 0]);          // attOemCodepage: GBK
        Attribute(MessageLevel, 0x00078008, Encoding.ASCII.GetBytes("IPM.Microsoft Mail.Note\0"));  // attMessageClass
        Attribute(MessageLevel, 0x00069003, Properties(                                            // attMsgProps
            (0x10090102, RtfUncompressed($"{{\\rtf1\\ansi {body}}}")),                              // PR_RTF_COMPRESSED
            (0x10130102, Encoding.UTF8.GetBytes($"<html><body><p>{body}</p></body></html>")),       // PR_HTML
            (0x1000001F, Unicode(body))));                                                          // PR_BODY_W
        foreach (var (name, content) in files)
        {
            // attAttachRendData starts a file: type 1 (a file), position, rendering size, flags.
            Attribute(AttachmentLevel, 0x00069002, [.. BitConverter.GetBytes((ushort)1), .. BitConverter.GetBytes(0xFFFFFFFFu),
                .. BitConverter.GetBytes((ushort)0xFFFF), .. BitConverter.GetBytes((ushort)0xFFFF), .. BitConverter.GetBytes(0u)]);
            Attribute(AttachmentLevel, 0x00018010, [.. gbk.GetBytes(name), 0]);                     // attAttachTitle
            Attribute(AttachmentLevel, 0x0006800F, content);                                        // attAttachData
            Attribute(AttachmentLevel, 0x00069005, Properties(                                      // attAttachment
                (0x37050003, BitConverter.GetBytes(1u)),                                            // PR_ATTACH_METHOD: by value
                (0x3707001F, Unicode(name))));                                                      // PR_ATTACH_LONG_FILENAME_W
        }
        w.Flush();
        return stream.ToArray();
    }

    /// <summary>A MAPI property list: the count, then each tag and value (binary and Unicode values as one counted, padded blob).</summary>
    private static byte[] Properties(params (uint Tag, byte[] Value)[] properties)
    {
        using var stream = new MemoryStream();
        var w = new BinaryWriter(stream);
        w.Write((uint)properties.Length);
        foreach (var (tag, value) in properties)
        {
            w.Write(tag);
            var type = tag & 0xFFFF;
            if (type is 0x0102 or 0x001F or 0x001E)
            {
                w.Write(1u);                 // one value
                w.Write((uint)value.Length);
                w.Write(value);
                while (stream.Length % 4 != 0) w.Write((byte)0);
            }
            else w.Write(value);             // PT_LONG: four bytes
        }
        w.Flush();
        return stream.ToArray();
    }

    private static byte[] Unicode(string text) => Encoding.Unicode.GetBytes(text + "\0");

    /// <summary>"Compressed" RTF stored uncompressed (the MELA form MS-OXRTFCP allows).</summary>
    private static byte[] RtfUncompressed(string rtf)
    {
        var bytes = Encoding.ASCII.GetBytes(rtf);
        return [.. BitConverter.GetBytes((uint)bytes.Length + 12), .. BitConverter.GetBytes((uint)bytes.Length),
            .. BitConverter.GetBytes(0x414C454Du), .. BitConverter.GetBytes(0u), .. bytes];
    }
}
