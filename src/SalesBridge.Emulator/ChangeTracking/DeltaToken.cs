using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using SalesBridge.Emulator.Org;
using SalesBridge.Emulator.Schema;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// A change-tracking token: the org's row version when it was issued and the time, written as Dataverse writes
/// them (<c>919042!08/22/2017 08:10:44</c>). The org remembers which table each token was issued for, so a token
/// cannot be used on another table.
/// </summary>
public sealed record DeltaToken(long Version, DateTimeOffset IssuedOn)
{
    private static readonly ConditionalWeakTable<EmulatedOrg, ConcurrentDictionary<string, string>> IssuedTables = new();

    public string Text => $"{Version.ToString(CultureInfo.InvariantCulture)}!{IssuedOn.UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture)}";

    public static DeltaToken Issue(EmulatedOrg org, TableDefinition table, long version)
    {
        var token = new DeltaToken(version, org.Time.GetUtcNow());
        IssuedTables.GetOrCreateValue(org)[token.Text + "|" + table.LogicalName] = table.LogicalName;
        IssuedTables.GetOrCreateValue(org)[token.Text] = table.LogicalName;
        return token;
    }

    /// <summary>Reads a token presented for <paramref name="table"/>; throws when it is garbled, foreign or expired.</summary>
    public static DeltaToken Read(EmulatedOrg org, TableDefinition table, string text)
    {
        var bang = text.IndexOf('!');
        if (bang <= 0
            || !long.TryParse(text.AsSpan(0, bang), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !DateTime.TryParseExact(text[(bang + 1)..], "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var issued))
        {
            throw ChangeTrackingErrors.Malformed(text);
        }
        var tables = IssuedTables.GetOrCreateValue(org);
        if (!tables.ContainsKey(text + "|" + table.LogicalName))
        {
            throw tables.TryGetValue(text, out var other) ? ChangeTrackingErrors.OtherTable(text, other, table) : ChangeTrackingErrors.Malformed(text);
        }
        var token = new DeltaToken(version, new DateTimeOffset(issued, TimeSpan.Zero));
        if (org.Time.GetUtcNow() - token.IssuedOn > TimeSpan.FromDays(org.Settings.ExpireChangeTrackingInDays))
        {
            throw ChangeTrackingErrors.Expired(ChangeTrackingPolicy.For(org).ExpiredTokenStatus);
        }
        return token;
    }
}
