using Microsoft.AspNetCore.Mvc;
using OpenBams.Council;
using OpenBams.Platform.Data;

namespace OpenBams.Pages.Council;

/// <summary>
/// Members' inquiries (MEMBER 5) with their due dates: 15 days, or one month when the answering side says within
/// those 15 days that it needs extra study or verification. Staff and the chairman record the answers.
/// </summary>
public sealed class InquiriesModel(AppDb db, TimeProvider time) : CouncilPageModel(db)
{
    /// <summary>all, open, overdue or answered.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public IReadOnlyList<InquiryView> List { get; private set; } = [];
    /// <summary>CouncilActor.RequireRecordKeeper: the chairman, a deputy, the secretary or the administrator answer.</summary>
    public bool Answers => Actor.KeepsRecords || Actor.IsChairman || Actor.IsDeputy;

    [BindProperty] public int InquiryId { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? AnsweredOn { get; set; }
    [BindProperty] public string? Addressee { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public bool NeedsVerification { get; set; }

    private string Here => $"/Council/{MunicipalityId}/Inquiries" + (string.IsNullOrEmpty(Show) ? "" : $"?show={Uri.EscapeDataString(Show)}");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        var (open, overdue) = Show switch
        {
            "open" => ((bool?)true, (bool?)null),
            "overdue" => (true, true),
            "answered" => (false, null),
            _ => (null, null),
        };
        List = await Inquiries.ListAsync(Db, MunicipalityId, null, open, overdue, time, ct);
    }

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) =>
        PostAsync(() => Inquiries.AnswerAsync(Db, Actor, InquiryId, new InquiryAnswer(Answer, OptionalDate(AnsweredOn, "answeredOn"), Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) =>
        PostAsync(() => Inquiries.NeedsVerificationAsync(Db, Actor, InquiryId, new InquiryVerification(Version), time, ct),
            Here, () => LoadAsync(ct), ct);

    /// <summary>MEMBER 4: a member submits their own inquiry.</summary>
    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        PostAsync(() => Inquiries.SubmitAsync(Db, Actor, new NewInquiry(Addressee, Subject, NeedsVerification), time, ct),
            Here, () => LoadAsync(ct), ct);
}
