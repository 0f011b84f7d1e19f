using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoundChecksAndCommentary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EditedByHand",
                table: "RoundItem",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOf",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnusualChange",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConfirmedOutstanding",
                table: "MonitoringRound",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Maximum",
                table: "Indicators",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Minimum",
                table: "Indicators",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EditedByHand",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "OnBehalfOf",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "UnusualChange",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "ConfirmedOutstanding",
                table: "MonitoringRound");

            migrationBuilder.DropColumn(
                name: "Maximum",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Minimum",
                table: "Indicators");
        }
    }
}
