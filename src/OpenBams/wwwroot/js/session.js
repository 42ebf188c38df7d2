// Live screen: polls the session's API and updates the quorum; reloads when votes or ballots change
// (not while someone is typing, so forms are never lost). One poll at a time and at most one reload per page,
// and none once the page is being left: a slow answer must not pull a member back from a link they followed.
(function () {
  var live = document.getElementById('live');
  if (!live) return;
  var api = live.dataset.api, votes = +live.dataset.votes, cast = +live.dataset.open, status = live.dataset.status;
  var polling = false, leaving = false;
  window.addEventListener('beforeunload', function () { leaving = true; });
  var timer = setInterval(function () {
    if (polling || leaving) return;
    polling = true;
    fetch(api, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) { return r.ok ? r.json() : null; }).then(function (s) {
      if (!s || leaving) return;
      document.getElementById('present').textContent = s.present;
      var q = document.getElementById('quorum-state');
      q.className = s.quorate ? 'ok' : 'bad';
      var open = s.votes.filter(function (v) { return v.status === 'Open'; })[0];
      var nowCast = open ? open.ballotsCast : -1;
      var typing = document.activeElement && /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName);
      if (!typing && (s.votes.length !== votes || nowCast !== cast || s.status !== status)) {
        leaving = true;
        clearInterval(timer);
        location.reload();
      }
    }).then(function () { polling = false; }, function () { polling = false; });
  }, 3000);
})();
