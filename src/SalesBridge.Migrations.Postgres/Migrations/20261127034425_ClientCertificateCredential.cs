using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClientCertificateCredential : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedClientCertificate",
                table: "OrgConnections",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedClientCertificate",
                table: "OrgConnections");
        }
    }
}
