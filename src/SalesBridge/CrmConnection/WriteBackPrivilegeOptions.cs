namespace SalesBridge.CrmConnection;

/// <summary>What write-back will do in the org, which decides the privileges it needs.</summary>
public sealed record WriteBackPrivilegeOptions
{
    /// <summary>
    /// The logical names of the SalesBridge activity tables (InMail, message, note). They come with the SalesBridge
    /// solution, so they are configurable rather than fixed here.
    /// </summary>
    public IReadOnlyList<string> ActivityTables { get; init; } = ["sb_inmail", "sb_message", "sb_note"];

    /// <summary>
    /// The seat holder, not the signed-in account, appears as creator (impersonation, SPEC S16); needs
    /// <c>prvActOnBehalfOfAnotherUser</c>.
    /// </summary>
    public bool CreatorIsSeatHolder { get; init; }
}
