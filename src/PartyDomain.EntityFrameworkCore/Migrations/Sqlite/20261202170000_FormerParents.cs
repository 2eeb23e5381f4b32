using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PartyDomain.EntityFrameworkCore.Mapping;

#nullable disable

namespace PartyDomain.EntityFrameworkCore.Migrations.Sqlite
{
    /// <summary>
    /// An organization's former parents (改隶, <c>PartyOrganization.FormerParents</c>): a JSON list, empty for the rows
    /// already stored. Written by hand (no target model): it adds one column.
    /// </summary>
    [DbContext(typeof(SqliteStoreContext))]
    [Migration("20261202170000_FormerParents")]
    internal sealed class FormerParents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "former_parents",
                table: "organizations",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "former_parents", table: "organizations");
        }
    }
}
