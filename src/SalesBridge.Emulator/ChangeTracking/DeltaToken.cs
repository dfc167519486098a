using System.Globalization;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// A change-tracking position, written the way Dataverse writes its tokens (the docs show <c>919042!08/22/2017 08:10:44</c>):
/// the org's row version up to which the reader has seen every change, then when the token was issued (UTC, to the second).
/// </summary>
internal readonly record struct DeltaToken(long Version, DateTimeOffset IssuedOn)
{
    private const string DateFormat = "MM/dd/yyyy HH:mm:ss";

    public static DeltaToken Issue(long version, DateTimeOffset now) =>
        new(version, new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero));

    public override string ToString() =>
        Version.ToString(CultureInfo.InvariantCulture) + "!" + IssuedOn.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DeltaToken token)
    {
        token = default;
        var bang = text?.IndexOf('!') ?? -1;
        if (bang <= 0) return false;
        if (!long.TryParse(text.AsSpan(0, bang), NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return false;
        if (!DateTime.TryParseExact(text.AsSpan(bang + 1), DateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var issued))
        {
            return false;
        }
        token = new DeltaToken(version, new DateTimeOffset(issued, TimeSpan.Zero));
        return true;
    }
}
