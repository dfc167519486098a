using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBridge.PeopleDirectory;
using SalesBridge.Notes;
using SalesBridge.Users;

namespace SalesBridge.Persistence.Configurations;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> note)
    {
        note.Property(n => n.Text).HasMaxLength(Note.MaxTextLength);
        note.HasIndex(n => new { n.AuthorId, n.PersonId });
        note.HasIndex(n => new { n.AuthorId, n.CompanyId });
        note.HasIndex(n => n.ContractId);
        note.HasOne<WorkspaceUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // A directory row with notes on it is not deleted from under them.
        note.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        note.HasOne<Company>().WithMany().HasForeignKey(n => n.CompanyId).OnDelete(DeleteBehavior.Restrict);
        note.ToTable(table => table.HasCheckConstraint("CK_Notes_OneSubject",
            "(\"PersonId\" IS NULL) <> (\"CompanyId\" IS NULL)"));
    }
}
