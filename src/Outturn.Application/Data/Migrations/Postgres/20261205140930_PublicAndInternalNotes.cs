using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicAndInternalNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "RoundItem",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "IndicatorValues",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "ComparatorValues",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "RoundItem");

            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "ComparatorValues");
        }
    }
}
