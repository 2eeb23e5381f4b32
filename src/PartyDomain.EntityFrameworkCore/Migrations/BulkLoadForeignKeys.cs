using Microsoft.EntityFrameworkCore.Migrations;

namespace PartyDomain.EntityFrameworkCore.Migrations;

/// <summary>
/// The one schema step both providers' <c>BulkLoad</c> migrations share: record tables lose their foreign key to
/// <c>cities</c> (the store writes the city row first in the import's transaction; a per-row check was the largest
/// cost of a load). The table list is frozen as it stood at that migration, not read from the model, so the
/// migration means the same thing whatever tables come later.
/// </summary>
internal static class BulkLoadForeignKeys
{
    private static readonly string[] Tables =
    [
        "activities", "admission_cases", "commendations", "coverages", "donations", "dues_payments", "elections",
        "employments", "firm_posts", "firms", "governance_documents", "incomes", "instructors", "joint_activities",
        "major_matters", "organizations", "pairings", "party_posts", "people", "registrations", "services",
        "study_credits", "training_sessions",
    ];

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropForeignKey(name: Name(table), table: table);
        }
    }

    public static void Restore(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.AddForeignKey(
                name: Name(table),
                table: table,
                column: "city_id",
                principalTable: "cities",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }

    private static string Name(string table) => $"FK_{table}_cities_city_id";
}
