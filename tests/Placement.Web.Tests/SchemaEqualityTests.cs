using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>
/// SQLite's and PostgreSQL's migrations build the same schema: the same tables, columns (name, nullability), primary
/// keys, foreign keys and indexes (name, columns, uniqueness, filtered or not). Column types are not compared (SQLite
/// stores DateTimeOffset as ticks). Once from the migrations' operations (no server), once from the databases they
/// build: SQLite in memory, PostgreSQL on the server of <c>PLACEMENT_TEST_POSTGRES</c> (skipped without one).
/// Each schema is a sorted list of lines, so that a failure shows the lines one provider has and the other lacks.
/// </summary>
public sealed class SchemaEqualityTests
{
    /// <summary>EF Core's own tables: the history, and SQLite's migration lock (PostgreSQL's is an advisory lock).</summary>
    private const string EfTables = "('__EFMigrationsHistory', '__EFMigrationsLock')";

    /// <summary>One line every schema must hold: a unique, filtered index (rule: one active placement per person).</summary>
    private const string OneActivePlacement = "index IX_Placements_OneActivePerPerson on Placements (PersonId) unique filtered";

    [Fact]
    public void TheTwoProvidersMigrations_DescribeTheSameTablesColumnsAndIndexes()
    {
        using var sqlite = Sqlite(new SqliteConnection("Data Source=:memory:"));
        using var postgres = Postgres("Host=localhost;Database=unused");
        var fromSqlite = FromOperations(sqlite);
        Assert.Contains(OneActivePlacement, fromSqlite); // the fold did read something
        AssertSame(fromSqlite, "SQLite", FromOperations(postgres), "PostgreSQL");
    }

    /// <summary>What the fold of the operations says is what SQLite really builds (so the server-less test above means something).</summary>
    [Fact]
    public async Task TheSqliteDatabase_IsWhatItsMigrationsDescribe()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = Sqlite(connection);
        await db.Database.MigrateAsync();
        AssertSame(FromOperations(db), "SQLite's migrations", await ReadSqliteAsync(connection), "SQLite's database");
    }

    [SkippableFact]
    public async Task TheTwoProvidersDatabases_HaveTheSameTablesColumnsAndIndexes()
    {
        var database = new PostgresTestDatabase();
        var settings = new Dictionary<string, string>();
        database.Configure(settings); // skips, with the reason, without a server
        try
        {
            SortedSet<string> fromPostgres;
            await using (var db = Postgres(settings["Placement:Database:ConnectionString"]))
            {
                await db.Database.MigrateAsync();
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await connection.OpenAsync();
                fromPostgres = await ReadPostgresAsync(connection);
            }
            await using var sqliteConnection = new SqliteConnection("Data Source=:memory:");
            await sqliteConnection.OpenAsync();
            await using var sqlite = Sqlite(sqliteConnection);
            await sqlite.Database.MigrateAsync();
            Assert.Contains(OneActivePlacement, fromPostgres); // the reading did find something
            AssertSame(await ReadSqliteAsync(sqliteConnection), "SQLite's database", fromPostgres, "PostgreSQL's database");
        }
        finally
        {
            database.Drop();
        }
    }

    private static PlacementDbContext Sqlite(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<PlacementDbContext>().UseSqlite(connection).Options);

    private static PostgresPlacementDbContext Postgres(string connection) =>
        new(new DbContextOptionsBuilder<PostgresPlacementDbContext>().UseNpgsql(connection).Options);

    private static void AssertSame(SortedSet<string> left, string leftName, SortedSet<string> right, string rightName)
    {
        var onlyLeft = left.Except(right).ToList();
        var onlyRight = right.Except(left).ToList();
        Assert.True(onlyLeft.Count == 0 && onlyRight.Count == 0,
            $"Only in {leftName}:\n  {string.Join("\n  ", onlyLeft)}\nOnly in {rightName}:\n  {string.Join("\n  ", onlyRight)}");
    }

    private static string Line(string kind, string table, IEnumerable<string> columns, string? rest = null) =>
        $"{kind} {table} ({string.Join(", ", columns)}){(rest is null ? "" : " " + rest)}";

    private static string Nullability(bool nullable) => nullable ? "null" : "not null";

    private static string Index(string name, string table, IEnumerable<string> columns, bool unique, bool filtered) =>
        Line("index " + name + " on", table, columns, (unique ? "unique" : "not unique") + (filtered ? " filtered" : ""));

    private static string ForeignKey(string table, IEnumerable<string> columns, string principal, IEnumerable<string> principalColumns, ReferentialAction onDelete) =>
        Line("foreign key", table, columns, $"→ {principal} ({string.Join(", ", principalColumns)}) on delete {onDelete}");

    // ---- The migrations' operations, folded in order into the schema they leave ----

    private sealed class TableState
    {
        public Dictionary<string, bool> Columns { get; } = new(StringComparer.Ordinal);
        public string[] PrimaryKey { get; set; } = [];
        public Dictionary<string, AddForeignKeyOperation> ForeignKeys { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string[]> UniqueConstraints { get; } = new(StringComparer.Ordinal);
    }

    private static SortedSet<string> FromOperations(DbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var tables = new Dictionary<string, TableState>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, CreateIndexOperation>(StringComparer.Ordinal);
        Assert.NotEmpty(assembly.Migrations);
        foreach (var (_, type) in assembly.Migrations)
            foreach (var operation in assembly.CreateMigration(type, db.Database.ProviderName!).UpOperations)
                Apply(operation, tables, indexes);
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, table) in tables)
        {
            lines.Add("table " + name);
            foreach (var (column, nullable) in table.Columns) lines.Add($"column {name}.{column} {Nullability(nullable)}");
            if (table.PrimaryKey.Length > 0) lines.Add(Line("primary key", name, table.PrimaryKey));
            foreach (var fk in table.ForeignKeys.Values) lines.Add(ForeignKey(name, fk.Columns, fk.PrincipalTable, fk.PrincipalColumns ?? [], fk.OnDelete));
            foreach (var unique in table.UniqueConstraints.Values) lines.Add(Line("unique constraint", name, unique));
        }
        foreach (var (name, index) in indexes) lines.Add(Index(name, index.Table, index.Columns, index.IsUnique, index.Filter is not null));
        return lines;
    }

    private static void Apply(MigrationOperation operation, Dictionary<string, TableState> tables, Dictionary<string, CreateIndexOperation> indexes)
    {
        switch (operation)
        {
            case CreateTableOperation create:
                var table = new TableState { PrimaryKey = create.PrimaryKey?.Columns ?? [] };
                foreach (var column in create.Columns) table.Columns[column.Name] = column.IsNullable;
                foreach (var fk in create.ForeignKeys) table.ForeignKeys[fk.Name] = fk;
                foreach (var unique in create.UniqueConstraints) table.UniqueConstraints[unique.Name] = unique.Columns;
                tables.Add(create.Name, table);
                break;
            case DropTableOperation drop:
                tables.Remove(drop.Name);
                foreach (var name in indexes.Where(i => i.Value.Table == drop.Name).Select(i => i.Key).ToList()) indexes.Remove(name);
                break;
            case RenameTableOperation rename:
                tables[rename.NewName!] = tables[rename.Name];
                tables.Remove(rename.Name);
                foreach (var index in indexes.Values.Where(i => i.Table == rename.Name)) index.Table = rename.NewName!;
                break;
            case AddColumnOperation add:
                tables[add.Table].Columns[add.Name] = add.IsNullable;
                break;
            case AlterColumnOperation alter:
                tables[alter.Table].Columns[alter.Name] = alter.IsNullable;
                break;
            case DropColumnOperation drop:
                tables[drop.Table].Columns.Remove(drop.Name);
                break;
            case RenameColumnOperation rename:
                var columns = tables[rename.Table].Columns;
                columns[rename.NewName] = columns[rename.Name];
                columns.Remove(rename.Name);
                break;
            case AddPrimaryKeyOperation add:
                tables[add.Table].PrimaryKey = add.Columns;
                break;
            case DropPrimaryKeyOperation drop:
                tables[drop.Table].PrimaryKey = [];
                break;
            case AddForeignKeyOperation add:
                tables[add.Table].ForeignKeys[add.Name] = add;
                break;
            case DropForeignKeyOperation drop:
                tables[drop.Table].ForeignKeys.Remove(drop.Name);
                break;
            case AddUniqueConstraintOperation add:
                tables[add.Table].UniqueConstraints[add.Name] = add.Columns;
                break;
            case DropUniqueConstraintOperation drop:
                tables[drop.Table].UniqueConstraints.Remove(drop.Name);
                break;
            case CreateIndexOperation create:
                indexes.Add(create.Name, create);
                break;
            case DropIndexOperation drop:
                indexes.Remove(drop.Name);
                break;
            case RenameIndexOperation rename:
                indexes[rename.NewName] = indexes[rename.Name];
                indexes[rename.NewName].Name = rename.NewName;
                indexes.Remove(rename.Name);
                break;
            case SqlOperation or InsertDataOperation or UpdateDataOperation or DeleteDataOperation:
                break; // data, not shape (hand-written SQL that changes the shape would go unseen here: the database tests see it)
            default:
                Assert.Fail($"{operation.GetType().Name}: an operation this fold does not know yet; teach it to {nameof(Apply)}.");
                break;
        }
    }

    // ---- The databases, read back ----

    private static async Task<List<string[]>> Rows(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        return rows;
    }

    private static ReferentialAction Action(string sqlite) => sqlite switch
    {
        "CASCADE" => ReferentialAction.Cascade,
        "RESTRICT" => ReferentialAction.Restrict,
        "SET NULL" => ReferentialAction.SetNull,
        "SET DEFAULT" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    private static async Task<SortedSet<string>> ReadSqliteAsync(SqliteConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var tables = (await Rows(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN {EfTables}")).Select(r => r[0]).ToList();
        foreach (var table in tables)
        {
            lines.Add("table " + table);
            var columns = await Rows(connection, $"SELECT name, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY pk");
            foreach (var c in columns) lines.Add($"column {table}.{c[0]} {Nullability(c[1] == "0")}");
            var key = columns.Where(c => c[2] != "0").Select(c => c[0]).ToList();
            if (key.Count > 0) lines.Add(Line("primary key", table, key));
            foreach (var fk in (await Rows(connection, $"SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq")).GroupBy(r => r[0]))
                lines.Add(ForeignKey(table, fk.Select(r => r[2]), fk.First()[1], fk.Select(r => r[3]), Action(fk.First()[4])));
            foreach (var index in await Rows(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}') WHERE origin <> 'pk'"))
            {
                var indexColumns = (await Rows(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno")).Select(r => r[0]);
                lines.Add(index[2] == "u" ? Line("unique constraint", table, indexColumns) : Index(index[0], table, indexColumns, index[1] == "1", index[3] == "1"));
            }
        }
        return lines;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(NpgsqlConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var t in await Rows(connection, $"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN {EfTables}"))
            lines.Add("table " + t[0]);
        foreach (var c in await Rows(connection, $"SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN {EfTables}"))
            lines.Add($"column {c[0]}.{c[1]} {Nullability(c[2] == "YES")}");
        // The columns of an index or constraint, in their order.
        const string keyColumns = "array_to_string(ARRAY(SELECT a.attname FROM unnest({0}::int2[]) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = {1} AND a.attnum = k.attnum ORDER BY k.ord), ',')";
        foreach (var i in await Rows(connection, $"""
            SELECT ic.relname, t.relname, {string.Format(System.Globalization.CultureInfo.InvariantCulture, keyColumns, "i.indkey", "t.oid")}, i.indisunique, i.indpred IS NOT NULL, i.indisprimary,
                   EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype = 'u')
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname NOT IN {EfTables}
            """))
        {
            var columns = i[2].Split(',');
            if (i[5] == "True") lines.Add(Line("primary key", i[1], columns));
            else if (i[6] == "True") lines.Add(Line("unique constraint", i[1], columns));
            else lines.Add(Index(i[0], i[1], columns, i[3] == "True", i[4] == "True"));
        }
        foreach (var fk in await Rows(connection, $"""
            SELECT t.relname, {string.Format(System.Globalization.CultureInfo.InvariantCulture, keyColumns, "c.conkey", "c.conrelid")}, p.relname,
                   {string.Format(System.Globalization.CultureInfo.InvariantCulture, keyColumns, "c.confkey", "c.confrelid")}, c.confdeltype
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'f' AND n.nspname = 'public'
            """))
        {
            var onDelete = fk[4] switch { "c" => ReferentialAction.Cascade, "r" => ReferentialAction.Restrict, "n" => ReferentialAction.SetNull, "d" => ReferentialAction.SetDefault, _ => ReferentialAction.NoAction };
            lines.Add(ForeignKey(fk[0], fk[1].Split(','), fk[2], fk[3].Split(','), onDelete));
        }
        return lines;
    }
}
