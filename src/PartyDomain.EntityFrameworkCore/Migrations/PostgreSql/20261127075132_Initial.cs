using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace PartyDomain.EntityFrameworkCore.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cities",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    imported_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: true),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<LocalDate>(type: "date", nullable: false),
                    title = table.Column<string>(type: "text", nullable: true),
                    lecturer = table.Column<string>(type: "text", nullable: true),
                    attendance = table.Column<string>(type: "jsonb", nullable: false),
                    head_count = table.Column<int>(type: "integer", nullable: true),
                    source_platform = table.Column<string>(type: "text", nullable: true),
                    tags = table.Column<string>(type: "jsonb", nullable: false),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activities", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_activities_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admission_cases",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: true),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    applied = table.Column<LocalDate>(type: "date", nullable: false),
                    first_talk = table.Column<LocalDate>(type: "date", nullable: true),
                    activist_designated = table.Column<LocalDate>(type: "date", nullable: true),
                    contacts = table.Column<string>(type: "jsonb", nullable: false),
                    assessments = table.Column<string>(type: "jsonb", nullable: false),
                    candidate_designated = table.Column<LocalDate>(type: "date", nullable: true),
                    sponsors = table.Column<string>(type: "jsonb", nullable: false),
                    political_review = table.Column<LocalDate>(type: "date", nullable: true),
                    political_review_passed = table.Column<bool>(type: "boolean", nullable: true),
                    training_days = table.Column<int>(type: "integer", nullable: true),
                    training_hours = table.Column<decimal>(type: "numeric", nullable: true),
                    pre_review = table.Column<LocalDate>(type: "date", nullable: true),
                    admission_vote = table.Column<string>(type: "jsonb", nullable: true),
                    approved = table.Column<LocalDate>(type: "date", nullable: true),
                    oath = table.Column<LocalDate>(type: "date", nullable: true),
                    extension_months = table.Column<int>(type: "integer", nullable: true),
                    conversion_vote = table.Column<string>(type: "jsonb", nullable: true),
                    conversion_approved = table.Column<LocalDate>(type: "date", nullable: true),
                    closed = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admission_cases", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_admission_cases_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coverages",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    firm_id = table.Column<string>(type: "text", nullable: false),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    to = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coverages", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_coverages_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dues_payments",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<LocalDate>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    paid_on = table.Column<LocalDate>(type: "date", nullable: false),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_payments", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_dues_payments_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "elections",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    elected_on = table.Column<LocalDate>(type: "date", nullable: false),
                    term_years = table.Column<int>(type: "integer", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_elections", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_elections_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employments",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    firm_id = table.Column<string>(type: "text", nullable: false),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    to = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employments", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_employments_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "firm_posts",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    firm_id = table.Column<string>(type: "text", nullable: false),
                    post = table.Column<string>(type: "text", nullable: false),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    to = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_firm_posts", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_firm_posts_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "firms",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    credit_code = table.Column<string>(type: "text", nullable: true),
                    district = table.Column<string>(type: "text", nullable: true),
                    founded = table.Column<LocalDate>(type: "date", nullable: true),
                    closed = table.Column<LocalDate>(type: "date", nullable: true),
                    charter_includes_party_building_since = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_firms", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_firms_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incomes",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<LocalDate>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incomes", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_incomes_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "instructors",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    firm_id = table.Column<string>(type: "text", nullable: false),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    to = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instructors", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_instructors_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    parent_id = table.Column<string>(type: "text", nullable: true),
                    established = table.Column<LocalDate>(type: "date", nullable: false),
                    dissolved = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_organizations_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "party_posts",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    post = table.Column<string>(type: "text", nullable: false),
                    portfolio = table.Column<string>(type: "text", nullable: true),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    to = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_posts", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_party_posts_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    birth_date = table.Column<LocalDate>(type: "date", nullable: true),
                    id_number = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    standings = table.Column<string>(type: "jsonb", nullable: false),
                    lawyer = table.Column<string>(type: "jsonb", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_people_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registrations",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    from = table.Column<LocalDate>(type: "date", nullable: false),
                    to = table.Column<LocalDate>(type: "date", nullable: true),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registrations", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_registrations_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: true),
                    indicator = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<LocalDate>(type: "date", nullable: false),
                    span = table.Column<string>(type: "text", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    member = table.Column<string>(type: "text", nullable: true),
                    firm = table.Column<string>(type: "text", nullable: true),
                    organization = table.Column<string>(type: "text", nullable: true),
                    district = table.Column<string>(type: "text", nullable: true),
                    channel = table.Column<string>(type: "text", nullable: true),
                    subject = table.Column<string>(type: "text", nullable: true),
                    tags = table.Column<string>(type: "jsonb", nullable: false),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_services_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "study_credits",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    person_id = table.Column<string>(type: "text", nullable: false),
                    platform = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<LocalDate>(type: "date", nullable: false),
                    points = table.Column<decimal>(type: "numeric", nullable: false),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_study_credits", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_study_credits_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                columns: table => new
                {
                    city_id = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    organizer = table.Column<string>(type: "text", nullable: true),
                    start = table.Column<LocalDate>(type: "date", nullable: false),
                    end = table.Column<LocalDate>(type: "date", nullable: true),
                    study_hours = table.Column<decimal>(type: "numeric", nullable: false),
                    audience = table.Column<int>(type: "integer", nullable: false),
                    concentrated = table.Column<bool>(type: "boolean", nullable: false),
                    party_school = table.Column<bool>(type: "boolean", nullable: false),
                    attendance = table.Column<string>(type: "jsonb", nullable: false),
                    origin = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_sessions", x => new { x.city_id, x.key });
                    table.ForeignKey(
                        name: "FK_training_sessions_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activities_city_id_date",
                table: "activities",
                columns: new[] { "city_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_services_city_id_date",
                table: "services",
                columns: new[] { "city_id", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "admission_cases");

            migrationBuilder.DropTable(
                name: "coverages");

            migrationBuilder.DropTable(
                name: "dues_payments");

            migrationBuilder.DropTable(
                name: "elections");

            migrationBuilder.DropTable(
                name: "employments");

            migrationBuilder.DropTable(
                name: "firm_posts");

            migrationBuilder.DropTable(
                name: "firms");

            migrationBuilder.DropTable(
                name: "incomes");

            migrationBuilder.DropTable(
                name: "instructors");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.DropTable(
                name: "party_posts");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "registrations");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "study_credits");

            migrationBuilder.DropTable(
                name: "training_sessions");

            migrationBuilder.DropTable(
                name: "cities");
        }
    }
}
