namespace SalesBridge.Conversations;

/// <summary>A thread as a row of the inbox: who, what about, and the latest message in short.</summary>
public sealed record ConversationSummary(
    Guid Id,
    Guid PersonId,
    string PersonName,
    string? PersonTitle,
    string? PersonCompanyName,
    string Subject,
    string LastMessageExcerpt,
    DateTimeOffset LastMessageAt,
    int MessageCount,
    MessageKind FirstMessageKind)
{
    public const int MaxExcerptLength = 140;

    /// <summary>The start of a message on one line, at most <see cref="MaxExcerptLength"/> characters with the ellipsis.</summary>
    public static string Excerpt(string body)
    {
        var line = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxExcerptLength ? line : string.Concat(line.AsSpan(0, MaxExcerptLength - 1).TrimEnd(), "…");
    }
}
