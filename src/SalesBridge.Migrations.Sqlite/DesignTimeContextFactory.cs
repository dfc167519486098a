using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SalesBridge.Persistence;

namespace SalesBridge.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the host.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SalesBridgeDbContext>
{
    public SalesBridgeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SalesBridgeDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new SalesBridgeDbContext(builder.Options);
    }
}
