// claimgraph: the span panel on article pages, zoom and pan on graphs. No inline script runs
// (the Content-Security-Policy forbids it); everything is wired here.
"use strict";
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", function () {
  var panel = document.getElementById("panel");
  if (panel) wirePanel(panel);
  document.querySelectorAll("svg.zoomable").forEach(wireZoom);
  var form = document.querySelector("form.analyze");
  if (form) form.addEventListener("submit", function () {
    var busy = document.getElementById("busy");
    if (busy) busy.hidden = false;
  });
});

function wirePanel(panel) {
  var current = null;
  function show(id, mark) {
    var detail = document.getElementById(id);
    if (!detail || !detail.classList.contains("detail")) return;
    if (current) current.classList.remove("active");
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    document.querySelectorAll('[data-detail="' + id + '"]').forEach(function (el) { el.classList.add("selected"); });
    detail.classList.add("active");
    current = detail;
    panel.classList.add("open");
  }
  // Focusing a mark (Tab) or clicking one shows its detail; the innermost mark wins.
  document.addEventListener("focusin", function (e) {
    var mark = e.target.closest && e.target.closest("[data-detail]");
    if (mark) show(mark.getAttribute("data-detail"), mark);
  });
  var close = panel.querySelector("[data-close]");
  function hide() {
    if (current) current.classList.remove("active");
    panel.classList.remove("open");
    current = null;
  }
  if (close) { close.hidden = false; close.addEventListener("click", hide); }
  document.addEventListener("click", function (e) {
    var link = e.target.closest("[data-show]");
    if (link) { e.preventDefault(); show(link.getAttribute("data-show")); return; }
    var jump = e.target.closest("[data-focus]");
    if (jump) {
      var target = document.getElementById(jump.getAttribute("data-focus"));
      if (target) { e.preventDefault(); target.scrollIntoView({block: "center"}); target.focus({preventScroll: true}); }
      return;
    }
    var mark = e.target.closest("[data-detail]");
    if (mark) show(mark.getAttribute("data-detail"), mark);
  });
  document.addEventListener("keydown", function (e) {
    var mark = e.target.closest && e.target.closest("[data-detail]");
    if (mark && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      show(mark.getAttribute("data-detail"), mark);
      var heading = document.getElementById(mark.getAttribute("data-detail")).querySelector("h3");
      if (heading) { heading.tabIndex = -1; heading.focus(); }
    }
    if (e.key === "Escape" && current) hide();
  });
  // A link to a mark (#m-c4) opens its detail too.
  if (location.hash.indexOf("#m-") === 0) {
    var target = document.getElementById(location.hash.slice(1));
    if (target) { target.focus(); }
  }
}

// Zoom with the wheel or the +/− buttons, pan by dragging or with the arrow keys.
function wireZoom(svg) {
  var box = svg.viewBox.baseVal;
  var start = {x: box.x, y: box.y, w: box.width, h: box.height};
  function zoom(factor, cx, cy) {
    cx = cx === undefined ? box.x + box.width / 2 : cx;
    cy = cy === undefined ? box.y + box.height / 2 : cy;
    box.x = cx - (cx - box.x) * factor; box.y = cy - (cy - box.y) * factor;
    box.width *= factor; box.height *= factor;
  }
  function point(e) {
    var r = svg.getBoundingClientRect();
    return {x: box.x + (e.clientX - r.left) / r.width * box.width,
            y: box.y + (e.clientY - r.top) / r.height * box.height};
  }
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var p = point(e);
    zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, {passive: false});
  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    if (e.target.closest("a")) return;
    drag = {x: e.clientX, y: e.clientY}; svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var r = svg.getBoundingClientRect();
    box.x -= (e.clientX - drag.x) / r.width * box.width;
    box.y -= (e.clientY - drag.y) / r.height * box.height;
    drag = {x: e.clientX, y: e.clientY};
  });
  svg.addEventListener("pointerup", function () { drag = null; });
  svg.addEventListener("keydown", function (e) {
    var step = box.width / 10, moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
    if (moves[e.key]) { box.x += moves[e.key][0]; box.y += moves[e.key][1]; e.preventDefault(); }
    if (e.key === "+" || e.key === "=") zoom(1 / 1.25);
    if (e.key === "-") zoom(1.25);
    if (e.key === "0") { box.x = start.x; box.y = start.y; box.width = start.w; box.height = start.h; }
  });
  var controls = document.querySelector('[data-zoom-for="' + svg.id + '"]');
  if (controls) controls.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b) return;
    var act = b.getAttribute("data-zoom");
    if (act === "in") zoom(1 / 1.25);
    if (act === "out") zoom(1.25);
    if (act === "reset") { box.x = start.x; box.y = start.y; box.width = start.w; box.height = start.h; }
  });
}
