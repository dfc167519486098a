using System.Runtime.CompilerServices;
using SalesBridge.Matching.Blocking;
using SalesBridge.Matching.Normalisation;

namespace SalesBridge.Matching.Companies;

/// <summary>
/// The keys that make two companies candidates: a shared name word, the same name start (or a website named like
/// the company), the same domain, the same phone.
/// </summary>
internal static class CompanyBlockingKeys
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(NormalisedCompany c, List<ulong> keys)
    {
        foreach (var token in c.NameTokens)
        {
            if (token.Length >= 3 && token != "and")
            {
                keys.Add(BlockingKey.Of('t', token));
            }
        }

        if (c.NameCompact.Length > 0)
        {
            keys.Add(BlockingKey.Of('s', c.NameCompact.AsSpan(0, Math.Min(6, c.NameCompact.Length))));
            if (c.City.Length > 0)
            {
                keys.Add(BlockingKey.Of('c', c.NameCompact.AsSpan(0, Math.Min(3, c.NameCompact.Length)), c.City));
            }
        }

        if (c.Domain.Length > 0)
        {
            keys.Add(BlockingKey.Of('d', c.Domain));
            keys.Add(BlockingKey.Of('s', c.DomainLabel.AsSpan(0, Math.Min(6, c.DomainLabel.Length))));
            keys.Add(BlockingKey.Of('l', c.DomainLabel));
        }

        if (c.Phone.Length > 0)
        {
            keys.Add(BlockingKey.Of('p', PhoneDigits.TailOf(c.Phone)));
        }
    }
}
