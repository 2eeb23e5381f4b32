using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartyDomain.EntityFrameworkCore.Migrations.PostgreSql
{
    /// <summary>
    /// Faster bulk loads: record tables lose their foreign key to <c>cities</c> (the store writes the city row first in
    /// the import's transaction; a per-row check was the largest cost of a load), and the key of a service record
    /// without an id starts with its date (<c>2025-03-01/h:…</c>), so rows written in key order also fill the
    /// <c>(city_id, date)</c> index in order.
    /// </summary>
    internal partial class BulkLoad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE services SET \"key\" = to_char(\"date\", 'YYYY-MM-DD') || '/' || \"key\" WHERE id IS NULL;");

            migrationBuilder.DropForeignKey(
                name: "FK_activities_cities_city_id",
                table: "activities");

            migrationBuilder.DropForeignKey(
                name: "FK_admission_cases_cities_city_id",
                table: "admission_cases");

            migrationBuilder.DropForeignKey(
                name: "FK_commendations_cities_city_id",
                table: "commendations");

            migrationBuilder.DropForeignKey(
                name: "FK_coverages_cities_city_id",
                table: "coverages");

            migrationBuilder.DropForeignKey(
                name: "FK_donations_cities_city_id",
                table: "donations");

            migrationBuilder.DropForeignKey(
                name: "FK_dues_payments_cities_city_id",
                table: "dues_payments");

            migrationBuilder.DropForeignKey(
                name: "FK_elections_cities_city_id",
                table: "elections");

            migrationBuilder.DropForeignKey(
                name: "FK_employments_cities_city_id",
                table: "employments");

            migrationBuilder.DropForeignKey(
                name: "FK_firm_posts_cities_city_id",
                table: "firm_posts");

            migrationBuilder.DropForeignKey(
                name: "FK_firms_cities_city_id",
                table: "firms");

            migrationBuilder.DropForeignKey(
                name: "FK_governance_documents_cities_city_id",
                table: "governance_documents");

            migrationBuilder.DropForeignKey(
                name: "FK_incomes_cities_city_id",
                table: "incomes");

            migrationBuilder.DropForeignKey(
                name: "FK_instructors_cities_city_id",
                table: "instructors");

            migrationBuilder.DropForeignKey(
                name: "FK_joint_activities_cities_city_id",
                table: "joint_activities");

            migrationBuilder.DropForeignKey(
                name: "FK_major_matters_cities_city_id",
                table: "major_matters");

            migrationBuilder.DropForeignKey(
                name: "FK_organizations_cities_city_id",
                table: "organizations");

            migrationBuilder.DropForeignKey(
                name: "FK_pairings_cities_city_id",
                table: "pairings");

            migrationBuilder.DropForeignKey(
                name: "FK_party_posts_cities_city_id",
                table: "party_posts");

            migrationBuilder.DropForeignKey(
                name: "FK_people_cities_city_id",
                table: "people");

            migrationBuilder.DropForeignKey(
                name: "FK_registrations_cities_city_id",
                table: "registrations");

            migrationBuilder.DropForeignKey(
                name: "FK_services_cities_city_id",
                table: "services");

            migrationBuilder.DropForeignKey(
                name: "FK_study_credits_cities_city_id",
                table: "study_credits");

            migrationBuilder.DropForeignKey(
                name: "FK_training_sessions_cities_city_id",
                table: "training_sessions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE services SET \"key\" = substr(\"key\", 12) WHERE id IS NULL;");

            migrationBuilder.AddForeignKey(
                name: "FK_activities_cities_city_id",
                table: "activities",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_admission_cases_cities_city_id",
                table: "admission_cases",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_commendations_cities_city_id",
                table: "commendations",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_coverages_cities_city_id",
                table: "coverages",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_donations_cities_city_id",
                table: "donations",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_dues_payments_cities_city_id",
                table: "dues_payments",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_elections_cities_city_id",
                table: "elections",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_employments_cities_city_id",
                table: "employments",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_firm_posts_cities_city_id",
                table: "firm_posts",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_firms_cities_city_id",
                table: "firms",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_governance_documents_cities_city_id",
                table: "governance_documents",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_incomes_cities_city_id",
                table: "incomes",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_instructors_cities_city_id",
                table: "instructors",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_joint_activities_cities_city_id",
                table: "joint_activities",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_major_matters_cities_city_id",
                table: "major_matters",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_organizations_cities_city_id",
                table: "organizations",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_pairings_cities_city_id",
                table: "pairings",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_party_posts_cities_city_id",
                table: "party_posts",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_people_cities_city_id",
                table: "people",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_registrations_cities_city_id",
                table: "registrations",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_services_cities_city_id",
                table: "services",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_study_credits_cities_city_id",
                table: "study_credits",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_training_sessions_cities_city_id",
                table: "training_sessions",
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
