using ZaloBot.Zalo;

namespace ZaloBot.Oas;

/// <summary>
/// Which ZBS template a notice may travel as, and through which OA. Templates are approved per OA: the configured OA
/// uses <c>Zalo:Templates</c>; another OA uses the same parameter layout with its own template ids (<c>zalo_oas.templates</c>).
/// An OA without a template for the kind lends the job to its fallback OA, which can reach the citizen only by phone
/// (user ids differ between OAs).
/// </summary>
public sealed class OaNoticeTemplates(IOptions<NoticeTemplates> configured, OaDirectory oas)
{
    /// <returns>The template, and the OA that sends it by phone (the recipient's own OA, or its fallback).</returns>
    public async Task<(NoticeTemplate? Template, string PhoneOaId)> ForAsync(string oaId, string kind, CancellationToken cancellationToken)
    {
        var own = await OwnAsync(oaId, kind, cancellationToken);
        if (own is not null) return (own, oaId);
        if (await oas.FindAsync(oaId, cancellationToken) is { FallbackOaId: { } fallback } && fallback != oaId
            && await OwnAsync(fallback, kind, cancellationToken) is { } lent)
            return (lent, fallback);
        return (null, oaId);
    }

    private async Task<NoticeTemplate?> OwnAsync(string oaId, string kind, CancellationToken cancellationToken)
    {
        var layout = configured.Value.For(kind);
        if (oaId == oas.PrimaryOaId) return layout;
        if (layout is null || await oas.FindAsync(oaId, cancellationToken) is not { } oa || !oa.Templates.TryGetValue(kind, out var ids)) return null;
        return new NoticeTemplate
        {
            TemplateId = ids.TemplateId,
            PhoneTemplateId = ids.PhoneTemplateId,
            Data = layout.Data,
            MaxParameterLength = layout.MaxParameterLength,
        };
    }
}
