using System.Runtime.CompilerServices;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Protocol;

namespace SalesBridge.Emulator.Query;

/// <summary>What the org does with <c>odata.maxpagesize</c> above its limit.</summary>
public enum OversizedPageSize
{
    /// <summary>The current docs (query/page-results): "Max page size requests larger than 5,000 are ignored".</summary>
    Ignore,
    /// <summary>Older docs said a larger page size cannot be requested; refuse it with a 400.</summary>
    Refuse,
}

/// <summary>
/// Paging limits of an org. The docs have said both that larger page sizes are ignored and that they cannot be
/// requested, so the behaviour is configurable; the default follows the current docs.
/// </summary>
public sealed class PagingPolicy
{
    public const int MaxPageSize = 5000;
    /// <summary>The most rows <c>@odata.count</c> and <c>/$count</c> report.</summary>
    public const int CountLimit = 5000;

    private static readonly ConditionalWeakTable<EmulatedOrg, PagingPolicy> Policies = new();

    public OversizedPageSize OversizedPageSize { get; init; } = OversizedPageSize.Ignore;

    public static PagingPolicy For(EmulatedOrg org) => Policies.TryGetValue(org, out var policy) ? policy : Default;

    public static void Configure(EmulatedOrg org, PagingPolicy policy) => Policies.AddOrUpdate(org, policy);

    private static readonly PagingPolicy Default = new();

    /// <summary>The page size to use and whether the client's preference was honoured (and so is echoed).</summary>
    public (int Size, bool Honoured) PageSize(int? requested)
    {
        if (requested is null) return (MaxPageSize, false);
        if (requested <= MaxPageSize) return (requested.Value, true);
        if (OversizedPageSize == OversizedPageSize.Refuse)
        {
            throw DataverseErrors.BadRequest(
                $"The odata.maxpagesize preference {requested} is larger than the maximum page size of {MaxPageSize}.",
                DataverseErrors.PageSizeTooLarge);
        }
        return (MaxPageSize, false);
    }
}
