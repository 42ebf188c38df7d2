// Live screen: polls the session's API and updates the quorum; reloads when votes or ballots change
// (not while someone is typing, so forms are never lost).
(function () {
  var live = document.getElementById('live');
  if (!live) return;
  var api = live.dataset.api, votes = +live.dataset.votes, cast = +live.dataset.open, status = live.dataset.status;
  setInterval(function () {
    fetch(api, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) { return r.ok ? r.json() : null; }).then(function (s) {
      if (!s) return;
      document.getElementById('present').textContent = s.present;
      var q = document.getElementById('quorum-state');
      q.className = s.quorate ? 'ok' : 'bad';
      var open = s.votes.filter(function (v) { return v.status === 'Open'; })[0];
      var nowCast = open ? open.ballotsCast : -1;
      var typing = document.activeElement && /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName);
      if (!typing && (s.votes.length !== votes || nowCast !== cast || s.status !== status)) location.reload();
    }).catch(function () {});
  }, 3000);
})();
