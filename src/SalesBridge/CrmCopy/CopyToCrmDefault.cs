namespace SalesBridge.CrmCopy;

/// <summary>The kinds of item a seat holder can copy to the CRM (SPEC S14).</summary>
public enum CopyToCrmItem
{
    Note,
    Message,
}

/// <summary>
/// The one place that decides whether a note or message is copied to the CRM when the request does not say
/// (SPEC S14). For now every item is copied; a later issue takes the default from the admin's write-back settings
/// per item type, and only this class changes then (pages also ask it how to pre-tick their checkboxes).
/// </summary>
public static class CopyToCrmDefault
{
    public static bool For(CopyToCrmItem item) => item switch
    {
        CopyToCrmItem.Note => true,
        CopyToCrmItem.Message => true,
        _ => true,
    };

    /// <summary>The caller's choice when they made one, else the default for the item.</summary>
    public static bool Resolve(bool? requested, CopyToCrmItem item) => requested ?? For(item);
}
