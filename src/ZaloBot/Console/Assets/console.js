// ZaloBot staff console: the few things a page does by itself. No framework, no build step.
(function () {
  'use strict';

  // Queue: a new ticket or a citizen's follow-up refreshes the list in place (first page only).
  function liveQueue(queue) {
    if (!window.EventSource || new URLSearchParams(location.search).has('after')) return;
    var note = queue.querySelector('.live-note');
    var pending = false;
    var source = new EventSource(queue.dataset.live);
    source.addEventListener('open', function () { document.documentElement.dataset.live = 'open'; });
    source.addEventListener('ticket', function () {
      if (pending) return;
      pending = true;
      setTimeout(function () {
        fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
          .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
          .then(function (html) {
            var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('queue');
            var current = document.getElementById('queue');
            if (fresh && current) {
              var focused = document.activeElement && document.activeElement.id;
              current.innerHTML = fresh.innerHTML;
              note = current.querySelector('.live-note');
              note.textContent = 'Đã cập nhật lúc ' + new Date().toLocaleTimeString('vi-VN');
              note.hidden = false;
              if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
            }
          })
          .catch(function () { /* the next event tries again */ })
          .finally(function () { pending = false; });
      }, 300);
    });
  }

  // Ticket page: say when someone else changed this ticket (no automatic reload: it would lose what is being typed).
  function liveTicket(page) {
    if (!window.EventSource) return;
    var code = page.dataset.code;
    var note = page.querySelector('.live-note');
    new EventSource(page.dataset.live).addEventListener('ticket', function (e) {
      var data = JSON.parse(e.data);
      if (data.code !== code) return;
      note.hidden = false;
    });
  }

  // Composer: characters left against Zalo's limit, and canned replies dropped into the text.
  function composer(form) {
    var text = form.querySelector('textarea');
    var counter = form.querySelector('.counter');
    var max = parseInt(text.getAttribute('maxlength'), 10);
    function update() {
      var left = max - text.value.length;
      counter.textContent = 'Còn ' + left + ' ký tự';
      counter.classList.toggle('low', left < 100);
    }
    text.addEventListener('input', update);
    var canned = form.querySelector('select[name=cannedId]');
    if (canned) {
      canned.addEventListener('change', function () {
        var option = canned.options[canned.selectedIndex];
        if (option && option.dataset.body) { text.value = option.dataset.body; update(); text.focus(); }
      });
    }
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var queue = document.getElementById('queue');
    if (queue && queue.dataset.live) liveQueue(queue);
    var ticket = document.getElementById('ticket');
    if (ticket && ticket.dataset.live) liveTicket(ticket);
    document.querySelectorAll('form.composer').forEach(composer);
  });
})();
