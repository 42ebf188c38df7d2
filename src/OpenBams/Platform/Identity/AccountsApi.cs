using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenBams.Platform.Data;
using OpenBams.Platform.Http;
using OpenBams.Registry;

namespace OpenBams.Platform.Identity;

public sealed record PasswordReset(string NewPassword);

/// <summary>
/// Staff accounts. A municipality's accounts live under /municipalities/{municipalityId}/users, so
/// TenantGuard checks the municipality before anything runs; the national list is administrator-only.
/// </summary>
public static class AccountsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var m = api.MapGroup("/municipalities/{municipalityId:int}/users").WithTags("Accounts").RequireAuthorization();

        m.MapGet("", async (int municipalityId, string? q, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
            !db.Tenant.Administers(municipalityId) ? Denied()
                : Results.Ok(await UserAdministration.PageAsync(db, municipalityId, q, page ?? 1, Math.Clamp(pageSize ?? 50, 1, 500), ct)))
            .WithSummary("Accounts with a role in the municipality (its administrator)");

        m.MapGet("/export.{format:regex(^(csv|xlsx)$)}", async (int municipalityId, string format, string? q, AppDb db, HttpContext http) =>
        {
            if (!db.Tenant.Administers(municipalityId)) return Denied();
            await ExportAsync(db, municipalityId, q, format, http);
            return Results.Empty;
        }).WithSummary("The municipality's accounts as CSV or XLSX");

        m.MapPost("", async (int municipalityId, NewUser body, AppDb db, UserManager<AppUser> users) =>
        {
            if (!db.Tenant.Administers(municipalityId)) return Denied();
            var (user, errors) = await UserAdministration.CreateAsync(db, users, db.Tenant, body, municipalityId);
            return errors.Count > 0 ? RegistryApi.ToProblem(errors)
                : Results.Created($"/api/v1/municipalities/{municipalityId}/users/{user!.Id}", await UserAdministration.ViewAsync(db, user));
        }).WithSummary("Create a staff account with roles in this municipality");

        m.MapGet("/{userId:guid}", async (int municipalityId, Guid userId, AppDb db) =>
            !db.Tenant.Administers(municipalityId) ? Denied()
                : await MemberAsync(db, municipalityId, userId) is { } u ? Results.Ok(await UserAdministration.ViewAsync(db, u)) : Problems.NotFound("User"))
            .WithSummary("One account of the municipality");

        m.MapPut("/{userId:guid}", async (int municipalityId, Guid userId, UserChange body, AppDb db, UserManager<AppUser> users) =>
        {
            if (!db.Tenant.Administers(municipalityId)) return Denied();
            if (await MemberAsync(db, municipalityId, userId) is not { } u) return Problems.NotFound("User");
            var errors = await UserAdministration.UpdateAsync(db, users, db.Tenant, u, body, municipalityId);
            return errors.Count > 0 ? RegistryApi.ToProblem(errors) : Results.Ok(await UserAdministration.ViewAsync(db, u));
        }).WithSummary("Change name, disabled flag and this municipality's roles; send the concurrencyStamp you read. "
            + "On an account that also holds roles elsewhere (not manageable), only removing this municipality's roles is allowed.");

        m.MapPost("/{userId:guid}/reset-password", async (int municipalityId, Guid userId, PasswordReset body, AppDb db, UserManager<AppUser> users) =>
        {
            if (!db.Tenant.Administers(municipalityId)) return Denied();
            if (await MemberAsync(db, municipalityId, userId) is not { } u) return Problems.NotFound("User");
            var errors = await UserAdministration.ResetPasswordAsync(db, users, db.Tenant, u, body.NewPassword);
            return errors.Count > 0 ? RegistryApi.ToProblem(errors) : Results.NoContent();
        }).WithSummary("Set a new password for an account whose every role is in a municipality you administer");

        m.MapPost("/{userId:guid}/unlock", async (int municipalityId, Guid userId, AppDb db, UserManager<AppUser> users) =>
        {
            if (!db.Tenant.Administers(municipalityId)) return Denied();
            if (await MemberAsync(db, municipalityId, userId) is not { } u) return Problems.NotFound("User");
            await UserAdministration.UnlockAsync(db, users, db.Tenant, u);
            return Results.NoContent();
        }).WithSummary("End a lockout (same rule as a new password)");

        var a = api.MapGroup("/admin/users").WithTags("Accounts").RequireAuthorization(IdentitySetup.Administrator);
        a.MapGet("", async (string? q, int? municipalityId, int? page, int? pageSize, AppDb db, CancellationToken ct) =>
            Results.Ok(await UserAdministration.PageAsync(db, municipalityId, q, page ?? 1, Math.Clamp(pageSize ?? 50, 1, 500), ct)))
            .WithSummary("All accounts (administrator)");
        a.MapGet("/export.{format:regex(^(csv|xlsx)$)}", async (string format, string? q, int? municipalityId, AppDb db, HttpContext http) =>
        {
            await ExportAsync(db, municipalityId, q, format, http);
            return Results.Empty;
        }).WithSummary("All accounts as CSV or XLSX (administrator)");
        a.MapPost("", async (NewUser body, AppDb db, UserManager<AppUser> users) =>
        {
            var (user, errors) = await UserAdministration.CreateAsync(db, users, db.Tenant, body, null);
            return errors.Count > 0 ? RegistryApi.ToProblem(errors) : Results.Created($"/api/v1/admin/users/{user!.Id}", await UserAdministration.ViewAsync(db, user));
        }).WithSummary("Create an account with any roles, national ones included (administrator)");
        a.MapGet("/{userId:guid}", async (Guid userId, AppDb db) =>
            await db.Users.FirstOrDefaultAsync(u => u.Id == userId) is { } u ? Results.Ok(await UserAdministration.ViewAsync(db, u)) : Problems.NotFound("User"));
        a.MapPut("/{userId:guid}", async (Guid userId, UserChange body, AppDb db, UserManager<AppUser> users) =>
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId) is not { } u) return Problems.NotFound("User");
            var errors = await UserAdministration.UpdateAsync(db, users, db.Tenant, u, body, null);
            return errors.Count > 0 ? RegistryApi.ToProblem(errors) : Results.Ok(await UserAdministration.ViewAsync(db, u));
        });
    }

    private static async Task ExportAsync(AppDb db, int? municipalityId, string? q, string format, HttpContext http)
    {
        var page = await UserAdministration.PageAsync(db, municipalityId, q, 1, int.MaxValue, http.RequestAborted);
        string[] header = ["userName", "fullName", "personalId", "roles", "twoFactor", "disabled", "lockedOut"];
        var rows = page.Items.Select(u => (IReadOnlyList<object?>)new object?[]
        {
            u.UserName, u.FullName, u.PersonalId,
            string.Join("; ", u.Roles.Select(r => r.MunicipalityId is null ? r.Role.ToString() : $"{r.Role}@{r.MunicipalityId}")),
            u.TwoFactorEnabled, u.Disabled, u.LockedOut,
        }).ToAsyncEnumerable();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"users.{format}\"";
        if (format == "xlsx")
        {
            http.Response.ContentType = Export.Xlsx.ContentType;
            await Export.Xlsx.WriteAsync(http.Response.Body, "Users", header, rows, http.RequestAborted);
        }
        else
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            await Export.Csv.WriteAsync(http.Response.Body, header,
                rows.Select(r => (IReadOnlyList<string?>)r.Select(v => v?.ToString()).ToList()), http.RequestAborted);
        }
    }

    private static IResult Denied() => Problems.Forbidden("Only the municipality's administrator manages its accounts.");

    /// <summary>A user is addressed through a municipality only if they hold a role there.</summary>
    private static Task<AppUser?> MemberAsync(AppDb db, int municipalityId, Guid userId) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId && db.RoleAssignments.Any(r => r.UserId == u.Id && r.MunicipalityId == municipalityId));
}
