using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureReason",
                table: "Risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Risks",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<int>(
                name: "TargetImpact",
                table: "Risks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TargetLikelihood",
                table: "Risks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Risks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "EqualityActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Strands",
                table: "EqualityActions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "EqualityActions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InitialLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    InitialImpact = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualImpact = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
