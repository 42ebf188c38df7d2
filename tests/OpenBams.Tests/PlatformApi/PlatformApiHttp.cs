using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenBams.Testing;
using OpenBams.Tests.Registry;

namespace OpenBams.Tests.PlatformApi;

/// <summary>Small helpers for the platform API tests: login posts, problem fields, municipality ids, TOTP codes.</summary>
internal static class PlatformApiHttp
{
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password, string? twoFactorCode = null) =>
        client.PostAsJsonAsync("/api/v1/auth/login?lang=en", new { userName, password, twoFactorCode });

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, RegistryHttp.Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, RegistryHttp.Json);

    /// <summary>Asserts the status and that the answer is problem+json naming the field (in "errors", and in "field" when it is the only one).</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage r, HttpStatusCode status, string field)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"Expected {(int)status}, got {(int)r.StatusCode}: {body}");
        var p = await r.ProblemAsync();
        Assert.Contains(field, p.ErrorFields());
        if (p.TryGetProperty("field", out var f)) Assert.Equal(field, f.GetString());
        return p;
    }

    public static async Task<T> OkAsync<T>(this HttpResponseMessage r, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"Expected {(int)status}, got {(int)r.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, RegistryHttp.Json)!;
    }

    /// <summary>Distinct municipality ids, in id order, so each test can use its own.</summary>
    public static Task<List<int>> MunicipalityIdsAsync(this TestApp app, int skip, int take) =>
        app.WithDbAsync(db => db.Municipalities.OrderBy(m => m.Id).Select(m => m.Id).Skip(skip).Take(take).ToListAsync());
}

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second step, 6 digits) from a base32 (RFC 4648) key, written independently of Identity.</summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32Decode(base32Key);
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var msg = new byte[8];
        for (var i = 7; i >= 0; i--) { msg[i] = (byte)(counter & 0xff); counter >>= 8; }
        var hash = HMACSHA1.HashData(key, msg);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    public static byte[] Base32Decode(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        s = s.Trim().TrimEnd('=').Replace(" ", "").ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in s)
        {
            var v = alphabet.IndexOf(c);
            if (v < 0) throw new FormatException($"'{c}' is not base32");
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        return bytes.ToArray();
    }
}

public sealed class TotpHelperTests
{
    [Fact]
    public void The_test_TOTP_helper_matches_the_RFC_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890", T = 59 s → 94287082 (8 digits) → last 6: 287082.
        var base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", Totp.Code(base32, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(base32, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }
}
