using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "IndicatorValues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "ComparatorValues",
                type: "TEXT",
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
