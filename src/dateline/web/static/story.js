// The story page: pointing at or clicking an event trigger shows how the event was coded.
(function () {
  "use strict";
  var panel = document.getElementById("event-panel");
  if (!panel) { return; }

  function show(id) {
    var card = document.getElementById("card-" + id);
    if (!card) { return; }
    var copy = card.cloneNode(true);
    copy.removeAttribute("id");
    panel.replaceChildren(copy);
    panel.hidden = false;
    document.querySelectorAll("tr.selected").forEach(function (row) { row.classList.remove("selected"); });
    var row = document.getElementById("ev-" + id);
    if (row) { row.classList.add("selected"); }
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest("#story-text a.trigger");
    if (!link) { return; }
    e.preventDefault();
    show(link.dataset.event);
    history.replaceState(null, "", "#ev-" + link.dataset.event);
  });
  document.addEventListener("mouseover", function (e) {
    var link = e.target.closest("#story-text a.trigger");
    if (link) { show(link.dataset.event); }
  });
  if (location.hash.indexOf("#ev-") === 0) { show(decodeURIComponent(location.hash.slice(4))); }
})();
