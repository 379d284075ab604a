using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ZaloBot.Simulator;

/// <summary>A file the fake Zalo serves at a link, as Zalo serves what citizens send; it can be made to fail.</summary>
public sealed record MediaFile(byte[] Bytes, string ContentType)
{
    /// <summary>Requests answered with <see cref="FailureStatus"/> before the file is served (int.MaxValue: never).</summary>
    public int FailuresLeft { get; set; }
    public int FailureStatus { get; init; } = 404;
    public bool OmitLength { get; init; }

    /// <summary>The OA whose access token uploaded it (uploads only): an OA's quota pays for its own uploads.</summary>
    public string? UploadedBy { get; init; }
    /// <summary>Never answers (until the caller gives up), as a stalled CDN does.</summary>
    public bool Hang { get; init; }
}

/// <summary>
/// Zalo's CDN for citizens' attachments (downloaded by the service) and its upload store (files the OA uploaded,
/// by attachment id), so tests and the chat page can follow a file both ways.
/// </summary>
public sealed class SimulatorMedia
{
    private readonly ConcurrentDictionary<string, MediaFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MediaFile> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _downloads = new(StringComparer.Ordinal);

    /// <summary>Makes a file downloadable at <c>{prefix}/media/{name}</c>.</summary>
    public void Put(string name, MediaFile file) => _files[name] = file;

    public MediaFile? Take(string name)
    {
        _downloads.AddOrUpdate(name, 1, (_, n) => n + 1);
        return _files.GetValueOrDefault(name);
    }

    /// <summary>How many times the service asked for the file at this name.</summary>
    public int Downloads(string name) => _downloads.GetValueOrDefault(name);

    public string Upload(byte[] bytes, string contentType, string? oaId)
    {
        var id = "sim-att-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        _uploads[id] = new MediaFile(bytes, contentType) { UploadedBy = oaId };
        return id;
    }

    public MediaFile? Uploaded(string attachmentId) => _uploads.GetValueOrDefault(attachmentId);
}
