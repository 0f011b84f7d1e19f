using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BenchmarkValuesKeyedByIndicatorPeriodArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_BenchmarkValues",
                table: "BenchmarkValues");

            migrationBuilder.DropIndex(
                name: "IX_BenchmarkValues_IndicatorRef_Period_AreaCode",
                table: "BenchmarkValues");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "BenchmarkValues");

            migrationBuilder.AddPrimaryKey(
                name: "PK_BenchmarkValues",
                table: "BenchmarkValues",
                columns: new[] { "IndicatorRef", "Period", "AreaCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_BenchmarkValues",
                table: "BenchmarkValues");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "BenchmarkValues",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_BenchmarkValues",
                table: "BenchmarkValues",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_BenchmarkValues_IndicatorRef_Period_AreaCode",
                table: "BenchmarkValues",
                columns: new[] { "IndicatorRef", "Period", "AreaCode" },
                unique: true);
        }
    }
}
