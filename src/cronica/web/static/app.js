// cronica web: keyboard shortcuts for review and the time spent on an event. No inline script (CSP).
(function () {
  "use strict";
  var started = Date.now();

  function typing(target) {
    var tag = (target && target.tagName) || "";
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function submit(id) {
    var form = document.getElementById(id);
    if (!form) { return false; }
    form.requestSubmit ? form.requestSubmit() : form.submit();
    return true;
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link) { window.location.href = link.href; }
  }

  document.addEventListener("submit", function (ev) {
    var secs = ev.target.querySelectorAll("input.seconds");
    for (var i = 0; i < secs.length; i++) { secs[i].value = ((Date.now() - started) / 1000).toFixed(1); }
  });

  // A click on an event's map chooses the place: the page lists the gazetteer places nearest the point.
  document.addEventListener("click", function (ev) {
    var svg = ev.target.closest && ev.target.closest("svg[data-pick]");
    if (!svg || ev.target.closest("a")) { return; }
    var pt = svg.createSVGPoint();
    pt.x = ev.clientX; pt.y = ev.clientY;
    var p = pt.matrixTransform(svg.getScreenCTM().inverse());
    var lon = (p.x - 180).toFixed(4), lat = (90 - p.y).toFixed(4);
    var params = new URLSearchParams(window.location.search);
    params.set("near", lat + "," + lon);
    params.delete("place");
    window.location.href = svg.getAttribute("data-pick") + "?" + params.toString() + "#edit";
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (ev.key === "Escape" && typing(ev.target)) { ev.target.blur(); return; }
    if (typing(ev.target)) { return; }
    switch (ev.key) {
      case "a": if (submit("accept-form")) { ev.preventDefault(); } break;
      case "r": if (submit("reject-form")) { ev.preventDefault(); } break;
      case "e": {
        var first = document.getElementById("edit-event_type");
        if (first) { ev.preventDefault(); document.getElementById("edit").scrollIntoView(); first.focus(); }
        break;
      }
      case "m": {
        var other = document.getElementById("merge-other");
        if (other) { ev.preventDefault(); other.scrollIntoView(); other.focus(); }
        break;
      }
      case "j": follow("next-link"); break;
      case "k": follow("prev-link"); break;
      case "u": {
        var undo = document.querySelector("form.undo-form");
        if (undo) { ev.preventDefault(); undo.requestSubmit ? undo.requestSubmit() : undo.submit(); }
        break;
      }
      default: break;
    }
  });
})();
