using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <summary>
    /// Benchmark values keyed by (indicator, period, area) in a WITHOUT ROWID table clustered on that key (ADR 0304):
    /// a national file is written once instead of into a table and an index, and the rank query reads one indicator's
    /// rows side by side. EF Core cannot say WITHOUT ROWID, so the table is rebuilt here by hand; a later migration that
    /// rebuilds this table must keep the clause (<c>SqliteSchemaTests</c> fails if it is lost).
    /// </summary>
    public partial class BenchmarkValuesKeyedByIndicatorPeriodArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_BenchmarkValues" (
                    "IndicatorRef" TEXT NOT NULL,
                    "Period" TEXT NOT NULL,
                    "AreaCode" TEXT NOT NULL,
                    "Value" TEXT NULL,
                    "Suppression" TEXT NULL,
                    "Rounded" INTEGER NOT NULL,
                    "Source" TEXT NULL,
                    CONSTRAINT "PK_BenchmarkValues" PRIMARY KEY ("IndicatorRef", "Period", "AreaCode")
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_BenchmarkValues" ("IndicatorRef", "Period", "AreaCode", "Value", "Suppression", "Rounded", "Source")
                SELECT "IndicatorRef", "Period", "AreaCode", "Value", "Suppression", "Rounded", "Source" FROM "BenchmarkValues";
                """);
            migrationBuilder.Sql("""DROP TABLE "BenchmarkValues";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_BenchmarkValues" RENAME TO "BenchmarkValues";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_BenchmarkValues" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_BenchmarkValues" PRIMARY KEY AUTOINCREMENT,
                    "IndicatorRef" TEXT NOT NULL,
                    "AreaCode" TEXT NOT NULL,
                    "Period" TEXT NOT NULL,
                    "Value" TEXT NULL,
                    "Suppression" TEXT NULL,
                    "Rounded" INTEGER NOT NULL,
                    "Source" TEXT NULL
                );
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_BenchmarkValues" ("IndicatorRef", "AreaCode", "Period", "Value", "Suppression", "Rounded", "Source")
                SELECT "IndicatorRef", "AreaCode", "Period", "Value", "Suppression", "Rounded", "Source" FROM "BenchmarkValues";
                """);
            migrationBuilder.Sql("""DROP TABLE "BenchmarkValues";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_BenchmarkValues" RENAME TO "BenchmarkValues";""");
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_BenchmarkValues_IndicatorRef_Period_AreaCode" ON "BenchmarkValues" ("IndicatorRef", "Period", "AreaCode");""");
        }
    }
}
