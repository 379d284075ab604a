using System.Text;
using ZaloBot.Domain.Evidence;

namespace ZaloBot.Domain.Tests.Evidence;

public class ContentSnifferTests
{
    private static byte[] Bytes(params byte[] head) => [.. head, .. new byte[32]];

    public static TheoryData<byte[], string, string> Formats => new()
    {
        { Bytes(0xFF, 0xD8, 0xFF, 0xE0), "image/jpeg", "image" },
        { Bytes(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A), "image/png", "image" },
        { Encoding.ASCII.GetBytes("GIF89a......"), "image/gif", "image" },
        { Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 "), "image/webp", "image" },
        { Encoding.ASCII.GetBytes("\0\0\0\u0018ftypheic\0\0\0\0"), "image/heic", "image" },
        { Encoding.ASCII.GetBytes("\0\0\0\u0018ftypisom\0\0\0\0"), "video/mp4", "video" },
        { Encoding.ASCII.GetBytes("\0\0\0\u0014ftypqt  \0\0\0\0"), "video/quicktime", "video" },
        { Encoding.ASCII.GetBytes("\0\0\0\u0018ftyp3gp4\0\0\0\0"), "video/3gpp", "video" },
        { Encoding.ASCII.GetBytes("\0\0\0\u0018ftypM4A \0\0\0\0"), "audio/mp4", "audio" },
        { Encoding.ASCII.GetBytes("#!AMR\n......"), "audio/amr", "audio" },
        { Encoding.ASCII.GetBytes("ID3\u0004\0......"), "audio/mpeg", "audio" },
        { Encoding.ASCII.GetBytes("OggS\0......."), "audio/ogg", "audio" },
        { Encoding.ASCII.GetBytes("RIFF\0\0\0\0WAVEfmt "), "audio/wav", "audio" },
        { Encoding.ASCII.GetBytes("%PDF-1.7\n..."), "application/pdf", "file" },
        { Bytes((byte)'P', (byte)'K', 3, 4), "application/zip", "file" },
        { Bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "application/x-ole-storage", "file" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Formats_citizens_send_are_recognised_from_their_first_bytes(byte[] head, string contentType, string kind)
    {
        var sniffed = ContentSniffer.Sniff(head).ShouldNotBeNull();
        sniffed.ContentType.ShouldBe(contentType);
        sniffed.Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("MZ\u0090\0 a Windows program")]
    [InlineData("\u007fELF a Linux program")]
    [InlineData("#!/bin/sh\nrm -rf /")]
    [InlineData("plain text pretending to be a photo")]
    public void Programs_scripts_and_unknown_bytes_are_refused_whatever_they_are_called(string content)
    {
        var verdict = ContentSniffer.Check("file", Encoding.Latin1.GetBytes(content));
        verdict.Accepted.ShouldBeFalse();
        verdict.Refusal!.ShouldStartWith("unrecognised content");
    }

    [Fact]
    public void A_web_page_served_for_a_photo_link_is_called_what_it_is()
    {
        var verdict = ContentSniffer.Check("image", Encoding.UTF8.GetBytes("\uFEFF  <!doctype html><html>"));
        verdict.Refusal.ShouldBe("mislabelled: declared image, but the link served a web page, not a file");
    }

    [Theory]
    [InlineData("image", "%PDF-1.4", "mislabelled: declared image, but the bytes are application/pdf")]
    [InlineData("video", "#!AMR\n", "mislabelled: declared video, but the bytes are audio/amr")]
    [InlineData("audio", "%PDF-1.4", "mislabelled: declared audio, but the bytes are application/pdf")]
    public void A_file_that_is_not_the_kind_it_was_sent_as_is_refused_with_the_reason(string declared, string head, string reason) =>
        ContentSniffer.Check(declared, Encoding.ASCII.GetBytes(head + "..........")).Refusal.ShouldBe(reason);

    [Fact]
    public void A_photo_sent_as_a_file_is_kept_as_the_photo_it_is()
    {
        var verdict = ContentSniffer.Check("file", Bytes(0xFF, 0xD8, 0xFF, 0xE1));
        verdict.Accepted.ShouldBeTrue();
        verdict.Content!.ContentType.ShouldBe("image/jpeg");
    }

    [Fact]
    public void An_empty_answer_is_refused() =>
        ContentSniffer.Check("image", []).Refusal.ShouldBe("empty: the link answered with no bytes");
}
