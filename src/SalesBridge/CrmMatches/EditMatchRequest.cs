using SalesBridge.Errors;

namespace SalesBridge.CrmMatches;

/// <summary>
/// Edit match: the workspace person (contacts) or company (accounts) the CRM record is, or <see cref="NoMatch"/> when it
/// is none of them. Exactly one of the two, so a forgotten field never reads as "no match".
/// </summary>
public sealed record EditMatchRequest
{
    /// <summary>The person (for a CRM contact) or company (for a CRM account) to tie the record to.</summary>
    public Guid? CounterpartId { get; init; }

    /// <summary>True: the record matches nobody in the workspace.</summary>
    public bool? NoMatch { get; init; }

    internal Guid? Validated()
    {
        return (CounterpartId, NoMatch) switch
        {
            ({ } id, null or false) when id != Guid.Empty => id,
            (null, true) => null,
            (not null, true) => throw new RequestValidationException("noMatch", "Give either counterpartId or noMatch: true, not both."),
            _ => throw new RequestValidationException("counterpartId", "counterpartId is required: the person or company to tie the record to (or send noMatch: true)."),
        };
    }
}
