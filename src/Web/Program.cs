using Placement.Web.Cli;
using Placement.Web.Data;
using Placement.Web.Hosting;

CommandLine.Parsed command;
try
{
    command = CommandLine.Parse(args);
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return CommandLine.Usage;
}
if (command.ShowHelp)
{
    Console.WriteLine(CommandLine.Help);
    return CommandLine.Ok;
}

var builder = WebApplication.CreateBuilder(command.HostArgs);
builder.AddPlacement();
var app = builder.Build();
if (!await app.Services.CheckConfigurationAsync(Console.Error)) return CommandLine.Usage;
if (!await app.Services.EnsureDataDirectoryAsync(Console.Error)) return CommandLine.Usage;

if (command.Verb is not null) return await app.RunVerbAsync(command);

try
{
    await app.Services.PrepareDatabaseAsync();
}
catch (OutdatedDatabaseException e)
{
    // A database of before the first release: one clear line, the database left as it is (DatabaseStartup).
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
if (!await app.Services.CheckSearchAsync()) return 1;
await app.Services.StartPlacementJobsAsync();
app.MapPlacement();
await app.RunAsync();
return CommandLine.Ok;

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
