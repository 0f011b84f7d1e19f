using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Outturn.Application.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistersKeptInTheBrowser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Risks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "Risks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Risks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Risks",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<int>(
                name: "TargetImpact",
                table: "Risks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TargetLikelihood",
                table: "Risks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Risks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "EqualityActions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "Strands",
                table: "EqualityActions",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EqualityActions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RiskId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InitialLikelihood = table.Column<int>(type: "integer", nullable: false),
                    InitialImpact = table.Column<int>(type: "integer", nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "integer", nullable: false),
                    ResidualImpact = table.Column<int>(type: "integer", nullable: false),
                    TargetLikelihood = table.Column<int>(type: "integer", nullable: true),
                    TargetImpact = table.Column<int>(type: "integer", nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_RiskId_Period",
                table: "RiskAssessments",
                columns: new[] { "RiskId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TargetImpact",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TargetLikelihood",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "EqualityActions");

            migrationBuilder.DropColumn(
                name: "Strands",
                table: "EqualityActions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "EqualityActions");
        }
    }
}
