namespace SalesBridge.CrmSeats;

/// <summary>
/// One row of the contract's org's <c>systemusers</c> as last read (SPEC S18, S19): what seats are tied to by email and
/// what <i>Assign seats from CRM</i> offers. The whole set of a contract is replaced on each refresh, so it is never a
/// mix of two reads.
/// </summary>
public sealed class CrmUserSnapshot
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractId { get; init; }
    public Guid SystemUserId { get; init; }
    public required string FullName { get; init; }

    /// <summary>The user's <c>internalemailaddress</c>, trimmed; null when the CRM has none.</summary>
    public string? Email { get; init; }

    /// <summary>Whether a seat may be tied to this user: see <see cref="CrmUserRules.IsEnabledPerson"/>.</summary>
    public bool IsEnabled { get; init; }

    public DateTimeOffset RefreshedAt { get; init; }
}
