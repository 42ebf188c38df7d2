using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using OpenBams.Platform.Data;
using OpenBams.Platform.Tenancy;

var opts = new DbContextOptionsBuilder<AppDb>().UseSqlite("Data Source=:memory:").Options;
using var db = new AppDb(opts, new TenantAccessor());
var model = db.GetService<IDesignTimeModel>().Model;
// Usage: dotnet run --project tools/MigrationDraft [-- Table1 Table2 ...]
// Prints CreateTable/CreateIndex code for the whole model, or only for the named tables (new ones).
var only = args.ToHashSet(StringComparer.Ordinal);
var ops = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel())
    .Where(o => only.Count == 0 || o switch { CreateTableOperation t => only.Contains(t.Name), CreateIndexOperation i => only.Contains(i.Table), _ => true })
    .ToList();
var sb = new StringBuilder();
string Lit(object? v) => v switch { null => "null", string s => "\"" + s + "\"", bool b => b ? "true" : "false", _ => v.ToString()! };
foreach (var op in ops)
{
    switch (op)
    {
        case CreateTableOperation t:
            sb.AppendLine($"        b.CreateTable(\n            name: \"{t.Name}\",\n            columns: table => new\n            {{");
            foreach (var c in t.Columns)
            {
                var cargs = new List<string>{ $"nullable: {Lit(c.IsNullable)}" };
                if (c.MaxLength is not null) cargs.Add($"maxLength: {c.MaxLength}");
                if (c.Precision is not null) cargs.Add($"precision: {c.Precision}");
                if (c.Scale is not null) cargs.Add($"scale: {c.Scale}");
                var type = c.ClrType == typeof(string) ? "string" : c.ClrType.Name switch { "Int32"=>"int","Int64"=>"long","Boolean"=>"bool","Decimal"=>"decimal", var n=>n };
                var line = $"                {c.Name} = table.Column<{type}>({string.Join(", ", cargs)})";
                if (c.FindAnnotation("Sqlite:Autoincrement") is not null) line += ".Identity()";
                sb.AppendLine(line + ",");
            }
            sb.AppendLine("            },\n            constraints: table =>\n            {");
            sb.AppendLine($"                table.PrimaryKey(\"{t.PrimaryKey!.Name}\", x => {Cols(t.PrimaryKey.Columns)});");
            foreach (var fk in t.ForeignKeys)
                sb.AppendLine($"                table.ForeignKey(\"{fk.Name}\", x => {Cols(fk.Columns)}, \"{fk.PrincipalTable}\", {(fk.PrincipalColumns!.Length==1?"\""+fk.PrincipalColumns[0]+"\"":"new[] {"+string.Join(", ",fk.PrincipalColumns.Select(c=>"\""+c+"\""))+"}")}, onDelete: ReferentialAction.{fk.OnDelete});");
            sb.AppendLine("            });\n");
            break;
        case CreateIndexOperation i:
            sb.AppendLine($"        b.CreateIndex(\"{i.Name}\", \"{i.Table}\", {(i.Columns.Length==1?"\""+i.Columns[0]+"\"":"new[] {"+string.Join(", ",i.Columns.Select(c=>"\""+c+"\""))+"}")}{(i.IsUnique?", unique: true":"")}{(i.Filter is null?"":", filter: "+Lit(i.Filter))});");
            break;
        default: sb.AppendLine("        // UNHANDLED " + op.GetType().Name); break;
    }
}
Console.WriteLine(sb.ToString());
static string Cols(string[] cols) => cols.Length == 1 ? $"x.{cols[0]}" : "new { " + string.Join(", ", cols.Select(c => "x." + c)) + " }";
