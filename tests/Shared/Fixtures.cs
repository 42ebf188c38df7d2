using OpenBams.Platform.Data;

namespace OpenBams.Testing;

/// <summary>One running app per test class and engine. Derive a test class twice: once per fixture.</summary>
public abstract class AppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public DatabaseProvider Provider => provider;
    public async Task InitializeAsync() => App = await TestApp.StartAsync(provider);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteFixture() : AppFixture(DatabaseProvider.Sqlite);
public sealed class PostgresFixture() : AppFixture(DatabaseProvider.PostgreSQL);
