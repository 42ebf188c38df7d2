using OpenBams;

var app = OpenBamsApp.Build(args);
await OpenBamsApp.PrepareAsync(app, args);
await app.RunAsync();

public partial class Program;
