using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outturn.Application.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsAndOrganisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Risks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Officers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Objectives",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Milestones",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "EqualityActions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DisabledAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisabledBy",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ref = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Organisations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OrganisationId",
                table: "Risks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OrganisationId",
                table: "Plans",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Officers_OrganisationId",
                table: "Officers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_OrganisationId",
                table: "Objectives",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OrganisationId",
                table: "Milestones",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OrganisationId",
                table: "Indicators",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_EqualityActions_OrganisationId",
                table: "EqualityActions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_Hash",
                table: "Invitations",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_UserId",
                table: "Invitations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ParentId",
                table: "Organisations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Ref",
                table: "Organisations",
                column: "Ref",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Organisations_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EqualityActions_Organisations_OrganisationId",
                table: "EqualityActions",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Organisations_OrganisationId",
                table: "Indicators",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Organisations_OrganisationId",
                table: "Milestones",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Objectives_Organisations_OrganisationId",
                table: "Objectives",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Officers_Organisations_OrganisationId",
                table: "Officers",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Organisations_OrganisationId",
                table: "Plans",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Risks_Organisations_OrganisationId",
                table: "Risks",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Organisations_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_EqualityActions_Organisations_OrganisationId",
                table: "EqualityActions");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Organisations_OrganisationId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Organisations_OrganisationId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_Objectives_Organisations_OrganisationId",
                table: "Objectives");

            migrationBuilder.DropForeignKey(
                name: "FK_Officers_Organisations_OrganisationId",
                table: "Officers");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Organisations_OrganisationId",
                table: "Plans");

            migrationBuilder.DropForeignKey(
                name: "FK_Risks_Organisations_OrganisationId",
                table: "Risks");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Risks_OrganisationId",
                table: "Risks");

            migrationBuilder.DropIndex(
                name: "IX_Plans_OrganisationId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Officers_OrganisationId",
                table: "Officers");

            migrationBuilder.DropIndex(
                name: "IX_Objectives_OrganisationId",
                table: "Objectives");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_OrganisationId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_OrganisationId",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_EqualityActions_OrganisationId",
                table: "EqualityActions");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Officers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "EqualityActions");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DisabledBy",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "AspNetUsers");
        }
    }
}
