var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// The seed backend's routes; CORS and token endpoints are wired as their issues land.
app.MapGet("/api/", () => Results.Json(new[] { "/api/token", "/api/token/refresh" }));

app.Run();
