using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PartyDomain.EntityFrameworkCore.Mapping;

#nullable disable

namespace PartyDomain.EntityFrameworkCore.Migrations.Sqlite
{
    /// <summary>
    /// Service records without an id are keyed by their quantity's value, not its scale (2.5, never 2.50): the keys a
    /// store wrote before are recomputed by <see cref="ServiceKeyMigration"/>, run by the store just before this
    /// migration is applied, since the key is a hash no SQL can recompute. No schema change.
    /// </summary>
    [DbContext(typeof(SqliteStoreContext))]
    [Migration("20261204090000_ServiceKeysByValue")]
    internal sealed class ServiceKeysByValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
