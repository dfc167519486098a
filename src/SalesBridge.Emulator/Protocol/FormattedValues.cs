using System.Globalization;
using SalesBridge.Emulator.Schema;
using SalesBridge.Emulator.Store;

namespace SalesBridge.Emulator.Protocol;

/// <summary>
/// The <c>FormattedValue</c> annotation text of a column value, as an en-US user sees it in the UI.
/// Dataverse formats with the calling user's settings and the row's currency; the emulator's users all
/// have en-US settings and the org's base currency is US dollars.
/// </summary>
public static class FormattedValues
{
    // Built by hand: the emulator runs with invariant globalization, where named cultures are unavailable.
    private static readonly CultureInfo UserCulture = CreateUserCulture();

    private static CultureInfo CreateUserCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.CurrencySymbol = "$";
        culture.NumberFormat.CurrencyPositivePattern = 0;
        culture.NumberFormat.CurrencyNegativePattern = 1;
        return culture;
    }

    public static string? Format(AttributeDefinition attribute, object? value, OrgStore store) => value switch
    {
        null => null,
        EntityReference reference => LookupName(reference, store),
        int number when attribute.Type.IsChoice() => attribute.OptionSet?.Find(number)?.Label,
        decimal money when attribute.Type == AttributeType.Money => money.ToString("C2", UserCulture),
        decimal number => number.ToString("N2", UserCulture),
        double number => number.ToString("N2", UserCulture),
        int number => number.ToString("N0", UserCulture),
        long number => number.ToString("N0", UserCulture),
        bool flag => flag ? "Yes" : "No",
        DateTimeOffset date => date.UtcDateTime.ToString("M/d/yyyy h:mm tt", UserCulture),
        _ => null,
    };

    /// <summary>Whether Dataverse annotates this column type with a formatted value at all.</summary>
    public static bool Applies(AttributeDefinition attribute) => attribute.Type is not
        (AttributeType.String or AttributeType.Memo or AttributeType.Uniqueidentifier or AttributeType.EntityName or AttributeType.BigInt);

    private static string? LookupName(EntityReference reference, OrgStore store)
    {
        var table = store.Schema.FindTable(reference.Table);
        if (table?.PrimaryNameAttribute is null) return null;
        return store.Find(reference.Table, reference.Id)?[table.PrimaryNameAttribute] as string;
    }
}
