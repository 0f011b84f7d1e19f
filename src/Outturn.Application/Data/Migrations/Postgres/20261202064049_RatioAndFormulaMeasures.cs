using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RatioAndFormulaMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Denominator",
                table: "IndicatorValues",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Numerator",
                table: "IndicatorValues",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Aggregation",
                table: "Indicators",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectionBasis",
                table: "Indicators",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Formula",
                table: "Indicators",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Multiplier",
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
                name: "Denominator",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Numerator",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Aggregation",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "DirectionBasis",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Formula",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Multiplier",
                table: "Indicators");
        }
    }
}
