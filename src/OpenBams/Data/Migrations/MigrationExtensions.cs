using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace OpenBams.Data.Migrations;

/// <summary>Helpers that keep one migration valid on both engines.</summary>
internal static class MigrationExtensions
{
    /// <summary>An auto-increment key: each provider reads its own annotation and ignores the other's.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column.Annotation("Sqlite:Autoincrement", true)
              .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    public static bool IsPostgres(this MigrationBuilder b) => b.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
