using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SalesBridge.Persistence;

namespace SalesBridge.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server or the host.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SalesBridgeDbContext>
{
    public SalesBridgeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SalesBridgeDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.PostgreSql, "Host=localhost;Database=salesbridge_design");
        return new SalesBridgeDbContext(builder.Options);
    }
}
