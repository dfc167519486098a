using SalesBridge.Access;
using SalesBridge.Conversations;
using SalesBridge.Paging;

namespace SalesBridge.Web.Api.Conversations;

/// <summary>The caller's inbox: InMail and message threads with directory people, and their Copy to CRM choices.</summary>
internal static class ConversationsApi
{
    public static void MapConversationsApi(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapGet("", (Caller caller, [AsParameters] ListConversations.Request request, ListConversations list, CancellationToken cancellationToken) =>
                list.HandleAsync(caller, request, cancellationToken))
            .WithSummary("The caller's threads, latest message first; query matches the person's name or the subject.")
            .Produces<Page<ConversationSummary>>();
        conversations.MapGet("/{conversationId:guid}", (Caller caller, Guid conversationId, GetConversation get, CancellationToken cancellationToken) =>
                get.HandleAsync(caller, conversationId, cancellationToken))
            .WithSummary("One of the caller's threads with all its messages, oldest first.");
        conversations.MapPost("", async (Caller caller, StartConversation.Request request, StartConversation start, CancellationToken cancellationToken) =>
            {
                var thread = await start.HandleAsync(caller, request, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/conversations/{thread.Id}", thread);
            })
            .WithSummary("Send an InMail (subject required, body up to 2,000 characters) or a message to a person; starts a thread.");
        conversations.MapPost("/{conversationId:guid}/messages", async (Caller caller, Guid conversationId, Reply.Request request, Reply reply, CancellationToken cancellationToken) =>
            {
                var message = await reply.HandleAsync(caller, conversationId, request, cancellationToken);
                return TypedResults.Created($"{ApiV1.BasePath}/conversations/{conversationId}", message);
            })
            .WithSummary("Reply in one of the caller's threads; kind defaults to Message.");
        conversations.MapPatch("/{conversationId:guid}", (Caller caller, Guid conversationId, SetThreadCopyToCrm.Request request, SetThreadCopyToCrm set, CancellationToken cancellationToken) =>
                set.HandleAsync(caller, conversationId, request, cancellationToken))
            .WithSummary("Copy thread to CRM: set copyToCrm on every message of the thread.");

        var messages = api.MapGroup("/messages").WithTags("Conversations");
        messages.MapPatch("/{messageId:guid}", (Caller caller, Guid messageId, SetMessageCopyToCrm.Request request, SetMessageCopyToCrm set, CancellationToken cancellationToken) =>
                set.HandleAsync(caller, messageId, request, cancellationToken))
            .WithSummary("Copy message to CRM: set copyToCrm on one message of the caller's threads.");
    }
}
