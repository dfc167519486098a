using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesBridge.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CrmImportMatchPending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "SyncRuns",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StageOrder",
                table: "CrmImportStates",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StakeholderRoleIds",
                table: "CrmImportStates",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MatchPending",
                table: "CrmContacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RemovedFromCrm",
                table: "CrmContacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MatchPending",
                table: "CrmAccounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RemovedFromCrm",
                table: "CrmAccounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Notes",
                table: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "StageOrder",
                table: "CrmImportStates");

            migrationBuilder.DropColumn(
                name: "StakeholderRoleIds",
                table: "CrmImportStates");

            migrationBuilder.DropColumn(
                name: "MatchPending",
                table: "CrmContacts");

            migrationBuilder.DropColumn(
                name: "RemovedFromCrm",
                table: "CrmContacts");

            migrationBuilder.DropColumn(
                name: "MatchPending",
                table: "CrmAccounts");

            migrationBuilder.DropColumn(
                name: "RemovedFromCrm",
                table: "CrmAccounts");
        }
    }
}
