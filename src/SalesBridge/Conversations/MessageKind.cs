namespace SalesBridge.Conversations;

/// <summary>An InMail reaches people outside the seat holder's network; a message goes to a connection.</summary>
public enum MessageKind
{
    InMail,
    Message,
}
