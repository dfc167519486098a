using Microsoft.EntityFrameworkCore;
using SalesBridge.Access;
using SalesBridge.Conversations;
using SalesBridge.Notes;
using SalesBridge.Persistence;

namespace SalesBridge.Web.Demo;

/// <summary>
/// Gives the demo contract's seat holders a lived-in inbox: a few InMail threads, some answered by the person (through
/// <see cref="RecordInboundMessage"/>, as the messaging system would), and a note on each person written to. Runs once:
/// a contract that has any conversation is left alone. <see cref="DemoContractSeeder"/> calls it
/// when it creates the contract.
/// </summary>
internal sealed class DemoInboxSeeder(
    SalesBridgeDbContext db, StartConversation start, Reply reply, RecordInboundMessage inbound, AddNote addNote)
{
    private const int SeatHoldersWithInbox = 3;
    private const int ThreadsPerSeatHolder = 4;

    public async Task SeedAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await db.Conversations.AnyAsync(conversation => conversation.ContractId == contractId, cancellationToken))
        {
            return;
        }

        var seatHolders = await db.Users
            .Where(user => user.ContractId == contractId && db.Seats.Any(seat => seat.UserId == user.Id))
            .OrderBy(user => user.Email).Take(SeatHoldersWithInbox)
            .Select(user => new Caller(user.Id, user.ContractId, user.DisplayName, user.Email ?? "", user.IsContractAdmin, true))
            .ToListAsync(cancellationToken);
        var people = await db.People.Where(person => person.ContractId == contractId)
            .OrderBy(person => person.LastName).ThenBy(person => person.Id)
            .Take(SeatHoldersWithInbox * ThreadsPerSeatHolder)
            .Select(person => new { person.Id, person.FirstName, person.CompanyName })
            .ToListAsync(cancellationToken);

        for (var index = 0; index < people.Count && seatHolders.Count > 0; index++)
        {
            var caller = seatHolders[index % seatHolders.Count];
            var person = people[index];
            var company = person.CompanyName ?? "your team";
            var thread = await start.HandleAsync(caller, new StartConversation.Request
            {
                PersonId = person.Id, Kind = index % 3 == 2 ? MessageKind.Message : MessageKind.InMail,
                Subject = $"Quick question about {company}",
                Body = $"Hi {person.FirstName}, I work with teams like {company} on their sales pipeline. Would a 20-minute call next week be useful?",
            }, cancellationToken);
            await addNote.HandleAsync(caller, new AddNote.Request { PersonId = person.Id, Text = $"Reached out about {company}'s pipeline." }, cancellationToken);
            if (index % 2 == 0)
            {
                await inbound.HandleAsync(contractId, thread.Id,
                    new RecordInboundMessage.Request { Body = $"Thanks for reaching out. Tuesday afternoon works for me. – {person.FirstName}" }, cancellationToken);
                if (index % 4 == 0)
                {
                    await reply.HandleAsync(caller, thread.Id, new Reply.Request { Body = "Great, I have sent you an invitation for Tuesday at 3 pm." }, cancellationToken);
                }
            }
        }
    }
}
