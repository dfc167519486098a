namespace SalesBridge.Conversations;

/// <summary>Sent by the seat holder, or received from the person.</summary>
public enum MessageDirection
{
    Outbound,
    Inbound,
}
