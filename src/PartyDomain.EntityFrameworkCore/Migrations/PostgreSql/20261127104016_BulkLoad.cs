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

            BulkLoadForeignKeys.Drop(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE services SET \"key\" = substr(\"key\", 12) WHERE id IS NULL;");

            BulkLoadForeignKeys.Restore(migrationBuilder);
        }
    }
}
