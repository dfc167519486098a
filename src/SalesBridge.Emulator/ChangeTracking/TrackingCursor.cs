using System.Globalization;
using System.Text;

namespace SalesBridge.Emulator.ChangeTracking;

/// <summary>
/// Where a paged change-tracking read resumes: which part (changed rows, then deletions), after which id, and the
/// version window <c>(From, To]</c> fixed on the first page so that changes made while paging are left for the next
/// delta instead of being half-seen.
/// </summary>
internal sealed record TrackingCursor(long From, long To, bool InDeletions, Guid After)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"{From.ToString(CultureInfo.InvariantCulture)}:{To.ToString(CultureInfo.InvariantCulture)}:{(InDeletions ? 'd' : 'r')}:{After:N}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static TrackingCursor? Decode(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 4
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                && parts[2] is "r" or "d"
                && Guid.TryParseExact(parts[3], "N", out var after)
                    ? new TrackingCursor(from, to, parts[2] == "d", after)
                    : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
