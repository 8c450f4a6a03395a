// The chronology page: lanes drawn on a canvas, a date brush, a text filter, a virtual list and the event's sources.
// Every text from the data goes into the page as text (textContent), never as markup; links only when http(s).
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var events = data.events;
  var sources = data.sources;
  var DAY = 86400;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var STATUS = {
    confirmed: { rgb: [37, 99, 235], label: "Confirmed" },
    reported: { rgb: [122, 167, 247], label: "Reported" },
    disputed: { rgb: [217, 119, 6], label: "Disputed" },
    denied: { rgb: [220, 38, 38], label: "Denied" },
    "false": { rgb: [75, 85, 99], label: "False" }
  };
  var CHALLENGES = { denies: true, disputes: true, corrects: true, retracts: true };
  var ROW_HEIGHT = 66;      // list rows: fixed, so only the visible ones need to exist
  var BAR = 11, ROW_GAP = 3, LANE_HEAD = 18, AXIS = 22, MAX_ROWS = 8, MIN_BAR = 5, ROOM = 6;

  var $ = function (id) { return document.getElementById(id); };
  var overview = $("overview"), timeline = $("timeline"), wrap = $("timeline-wrap");
  var list = $("events"), spacer = $("spacer"), detail = $("detail"), count = $("count");
  var filterBox = $("filter"), laneChoice = $("lanes"), fromBox = $("from"), toBox = $("to");

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function webLink(url) {
    if (typeof url !== "string") return null;
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  // ---- time: every event gets finite start/end, open ends reach the edge of the whole chronology ----
  var low = Infinity, high = -Infinity;
  events.forEach(function (ev) {
    [ev.a, ev.b, ev.c, ev.d].forEach(function (t) {
      if (t !== null) { if (t < low) low = t; if (t > high) high = t; }
    });
  });
  if (!isFinite(low)) { low = 0; high = DAY; }
  if (high - low < DAY) { low -= DAY / 2; high += DAY / 2; }
  var pad = (high - low) * 0.02;
  var domain = [low - pad, high + pad];
  events.forEach(function (ev, index) {
    ev.index = index;
    ev.s0 = ev.a !== null ? ev.a : domain[0];
    ev.e1 = ev.d !== null ? ev.d : domain[1];
    ev.s1 = ev.b !== null ? ev.b : ev.s0;
    ev.e0 = ev.c !== null ? ev.c : ev.e1;
    var words = [ev.title, ev.summary, ev.when, ev.place, ev.actors, ev.kind, ev.status, ev.notes, ev.tags.join(" ")];
    ev.cites.forEach(function (cite) { words.push(cite[2], sources[cite[0]].label); });
    ev.hay = words.filter(Boolean).join(" \u0001 ").toLowerCase();
  });
  var bySlug = {};
  events.forEach(function (ev) { bySlug[ev.slug] = ev; });

  var state = { view: domain.slice(), words: [], laneMode: "storyline", selected: null, packedFor: 0 };
  var matching = events, shown = events, lanes = [], hits = [];

  // The first view: where most events are (the middle 90% of starts), unless that is most of the chronology.
  function busiestView() {
    if (events.length < 20) return domain.slice();
    var starts = events.map(function (ev) { return ev.s0; }).sort(function (p, q) { return p - q; });
    var first = Math.floor(starts.length * 0.05), last = Math.ceil(starts.length * 0.95) - 1;
    // Take in neighbours that sit close to the busy stretch; leave out the far outliers.
    while (first > 0 && starts[first - 1] >= starts[first] - (starts[last] - starts[first]) / 3) first--;
    while (last < starts.length - 1 && starts[last + 1] <= starts[last] + (starts[last] - starts[first]) / 3) last++;
    var from = starts[first], to = starts[last];
    events.forEach(function (ev) { if (ev.s0 >= from && ev.s0 <= to && ev.e1 > to && ev.d !== null) to = ev.e1; });
    var margin = (to - from) * 0.04 + DAY;
    if (to - from > (domain[1] - domain[0]) / 2) return domain.slice();
    return [Math.max(domain[0], from - margin), Math.min(domain[1], to + margin)];
  }

  // ---- filtering and lanes ----
  function applyFilter() {
    var words = state.words;
    matching = words.length === 0 ? events : events.filter(function (ev) {
      for (var i = 0; i < words.length; i++) if (ev.hay.indexOf(words[i]) < 0) return false;
      return true;
    });
    layoutLanes();
  }

  function laneKey(ev) { return state.laneMode === "kind" ? ev.kind : data.lanes[ev.lane]; }

  // Greedy packing per lane at the view's scale: two events share a row when ROOM pixels apart.
  // Panning keeps the scale, so rows only move when the zoom changes a good deal.
  function layoutLanes() {
    state.packedFor = state.view[1] - state.view[0];
    var width = timeline.clientWidth || 800;
    var byKey = {}, order = [];
    matching.forEach(function (ev) {
      var key = laneKey(ev);
      if (!byKey[key]) { byKey[key] = []; order.push(key); }
      byKey[key].push(ev);
    });
    var gap = state.packedFor / width * ROOM;
    var top = AXIS;
    lanes = order.map(function (key) {
      var ends = [];
      byKey[key].forEach(function (ev) {
        var row = -1;
        for (var r = 0; r < ends.length; r++) if (ends[r] + gap <= ev.s0) { row = r; break; }
        if (row < 0 && ends.length < MAX_ROWS) { row = ends.length; ends.push(-Infinity); }
        if (row < 0) {
          row = 0;
          for (r = 1; r < ends.length; r++) if (ends[r] < ends[row]) row = r;
        }
        ends[row] = Math.max(ends[row], ev.e1, ev.s0 + gap);
        ev.row = row;
      });
      var lane = { name: key, events: byKey[key], top: top, rows: ends.length };
      byKey[key].forEach(function (ev) { ev.y = top + LANE_HEAD + ev.row * (BAR + ROW_GAP); });
      top += LANE_HEAD + ends.length * (BAR + ROW_GAP) + 6;
      return lane;
    });
    timeline.dataset.height = String(Math.max(top + 4, 90));
  }

  // Half-open: [s0, e1) meets [from, to) when each starts before the other ends.
  function inView(ev) { return ev.e1 > state.view[0] && ev.s0 < state.view[1]; }

  // ---- canvases ----
  function fitCanvas(canvas, height) {
    var ratio = window.devicePixelRatio || 1;
    var width = canvas.clientWidth || canvas.parentNode.clientWidth || 300;
    canvas.style.height = height + "px";
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    var context = canvas.getContext("2d");
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { context: context, width: width, height: height };
  }

  function rgba(rgb, alpha) { return "rgba(" + rgb[0] + "," + rgb[1] + "," + rgb[2] + "," + alpha + ")"; }

  var hatch = null;
  function hatchPattern(context) {
    if (hatch) return hatch;
    var tile = document.createElement("canvas");
    tile.width = tile.height = 6;
    var pen = tile.getContext("2d");
    pen.strokeStyle = "rgba(255,255,255,0.75)";
    pen.lineWidth = 1.5;
    pen.beginPath(); pen.moveTo(0, 6); pen.lineTo(6, 0); pen.stroke();
    hatch = context.createPattern(tile, "repeat");
    return hatch;
  }

  function ticks(from, to, width) {
    var span = to - from, steps = [
      [DAY, "day"], [2 * DAY, "day"], [7 * DAY, "day"], [14 * DAY, "day"], [1, "month"], [3, "month"], [6, "month"],
      [1, "year"], [2, "year"], [5, "year"], [10, "year"], [25, "year"], [50, "year"], [100, "year"], [250, "year"],
      [500, "year"], [1000, "year"]
    ];
    var approx = { day: 1, month: 30.44 * DAY, year: 365.25 * DAY };
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) {
      var seconds = steps[i][1] === "day" ? steps[i][0] : steps[i][0] * approx[steps[i][1]];
      if (seconds / span * width >= 78) { step = steps[i]; break; }
    }
    var out = [], date = new Date(from * 1000), unit = step[1], size = step[0];
    var cursor;
    if (unit === "day") {
      cursor = Math.ceil(from / size) * size;
      for (; cursor <= to && out.length < 400; cursor += size) out.push([cursor, dayLabel(cursor)]);
      return out;
    }
    var year = date.getUTCFullYear(), month = unit === "month" ? date.getUTCMonth() : 0;
    if (unit === "year") year = Math.floor(year / size) * size;
    else month = Math.floor(month / size) * size;
    while (out.length < 400) {
      var when = new Date(0);
      when.setUTCFullYear(year, month, 1);
      when.setUTCHours(0, 0, 0, 0);
      cursor = when.getTime() / 1000;
      if (cursor > to) break;
      if (cursor >= from) out.push([cursor, unit === "year" ? yearLabel(year) : MONTHS[month] + " " + yearLabel(year)]);
      if (unit === "year") year += size;
      else { month += size; if (month > 11) { year += Math.floor(month / 12); month %= 12; } }
    }
    return out;
  }

  function yearLabel(year) { return year >= 1 ? String(year) : (1 - year) + " BCE"; }
  function dayLabel(seconds) {
    var date = new Date(seconds * 1000);
    return date.getUTCDate() + " " + MONTHS[date.getUTCMonth()] + " " + yearLabel(date.getUTCFullYear());
  }
  function isoDay(seconds) {
    var date = new Date(seconds * 1000), year = date.getUTCFullYear();
    if (year < 1 || year > 9999) return "";
    return String(year).padStart(4, "0") + "-" + String(date.getUTCMonth() + 1).padStart(2, "0") + "-" +
      String(date.getUTCDate()).padStart(2, "0");
  }

  function drawEvent(context, ev, x) {
    var x0 = x(ev.s0), x1 = x(ev.e1), y = ev.y, colour = STATUS[ev.status] || STATUS.reported;
    var left = x0, width = x1 - x0;
    if (width < MIN_BAR) {
      left = (x0 + x1) / 2 - MIN_BAR / 2;
      width = MIN_BAR;
      context.fillStyle = rgba(colour.rgb, 0.92);
    } else {
      // Opacity follows how sure we are that the event is under way: rising across the possible start,
      // full while certain, falling across the possible end; with no certain middle it peaks between.
      var gradient = context.createLinearGradient(x0, 0, x1, 0);
      var rise = Math.min(1, Math.max(0, (x(ev.s1) - x0) / width));
      var fall = Math.min(1, Math.max(0, (x(ev.e0) - x0) / width));
      var faint = rgba(colour.rgb, 0.06), solid = rgba(colour.rgb, 0.92);
      gradient.addColorStop(0, rise > 0 ? faint : solid);
      if (rise <= fall) {
        gradient.addColorStop(rise, solid);
        gradient.addColorStop(fall, solid);
      } else {
        gradient.addColorStop((rise + fall) / 2, solid);
      }
      gradient.addColorStop(1, fall < 1 ? faint : solid);
      context.fillStyle = gradient;
    }
    context.fillRect(left, y, width, BAR);
    if (ev.status === "denied" || ev.status === "false") {
      context.fillStyle = hatchPattern(context);
      context.fillRect(left, y, width, BAR);
    }
    if (ev.status === "disputed") {
      context.save();
      context.setLineDash([3, 2]);
      context.strokeStyle = "#92400e";
      context.lineWidth = 1;
      context.strokeRect(left + 0.5, y + 0.5, width - 1, BAR - 1);
      context.restore();
    }
    if (ev.status === "false") {
      context.fillStyle = "#ef4444";
      context.fillRect(left - 2, y + BAR / 2 - 1, width + 4, 2);
    }
    if (state.selected === ev.index) {
      context.strokeStyle = "#111827";
      context.lineWidth = 2;
      context.strokeRect(left - 2, y - 2, width + 4, BAR + 4);
    }
    hits.push([left - 2, y - 2, width + 4, BAR + 4, ev.index]);
  }

  function drawTimeline() {
    var height = Number(timeline.dataset.height || 90);
    var canvas = fitCanvas(timeline, height), context = canvas.context, width = canvas.width;
    var from = state.view[0], to = state.view[1];
    var x = function (t) { return (t - from) / (to - from) * width; };
    context.clearRect(0, 0, width, height);
    lanes.forEach(function (lane, number) {
      var laneHeight = LANE_HEAD + lane.rows * (BAR + ROW_GAP) + 6;
      context.fillStyle = number % 2 ? "#ffffff" : "#f8fafc";
      context.fillRect(0, lane.top, width, laneHeight);
    });
    context.font = "11px system-ui, sans-serif";
    context.textBaseline = "middle";
    ticks(from, to, width).forEach(function (tick) {
      var left = Math.round(x(tick[0])) + 0.5;
      context.strokeStyle = "#e5e7eb";
      context.beginPath(); context.moveTo(left, AXIS - 4); context.lineTo(left, height); context.stroke();
      context.fillStyle = "#5b6472";
      context.fillText(tick[1], left + 3, AXIS / 2);
    });
    hits = [];
    lanes.forEach(function (lane) {
      lane.events.forEach(function (ev) { if (inView(ev)) drawEvent(context, ev, x); });
    });
    context.font = "600 11px system-ui, sans-serif";
    lanes.forEach(function (lane) {
      var label = lane.name + " (" + lane.events.length + ")";
      context.fillStyle = "rgba(255,255,255,0.85)";
      context.fillRect(2, lane.top + 2, context.measureText(label).width + 8, LANE_HEAD - 4);
      context.fillStyle = "#1f2937";
      context.fillText(label, 6, lane.top + LANE_HEAD / 2);
    });
    if (lanes.length === 0) {
      context.fillStyle = "#5b6472";
      context.fillText("No events match.", 8, AXIS + 20);
    }
  }

  function drawOverview() {
    var canvas = fitCanvas(overview, 46), context = canvas.context, width = canvas.width, height = canvas.height;
    var x = function (t) { return (t - domain[0]) / (domain[1] - domain[0]) * width; };
    context.clearRect(0, 0, width, height);
    var bins = Math.max(1, Math.floor(width / 3)), counts = new Array(bins).fill(0), most = 1;
    matching.forEach(function (ev) {
      var bin = Math.min(bins - 1, Math.max(0, Math.floor(x((ev.s0 + ev.e1) / 2) / width * bins)));
      counts[bin] += 1;
      if (counts[bin] > most) most = counts[bin];
    });
    context.fillStyle = "#94a3b8";
    counts.forEach(function (n, bin) {
      if (!n) return;
      var barHeight = Math.max(2, Math.sqrt(n / most) * (height - 16));
      context.fillRect(bin * width / bins, height - barHeight, Math.max(1, width / bins - 1), barHeight);
    });
    context.font = "10px system-ui, sans-serif";
    context.textBaseline = "top";
    context.fillStyle = "#5b6472";
    ticks(domain[0], domain[1], width).forEach(function (tick) { context.fillText(tick[1], x(tick[0]) + 2, 2); });
    var left = x(state.view[0]), right = x(state.view[1]);
    context.fillStyle = "rgba(15,23,42,0.12)";
    context.fillRect(0, 0, Math.max(0, left), height);
    context.fillRect(right, 0, Math.max(0, width - right), height);
    context.strokeStyle = "#1d4ed8";
    context.lineWidth = 2;
    context.strokeRect(left + 1, 1, Math.max(2, right - left - 2), height - 2);
  }

  // ---- the list: only the rows in sight exist ----
  function refreshList() {
    shown = matching.filter(inView);
    var period = state.view[0] > domain[0] || state.view[1] < domain[1];
    count.textContent = shown.length + " of " + events.length + " events" +
      (period ? ", " + dayLabel(state.view[0]) + " \u2013 " + dayLabel(state.view[1]) : "") +
      (state.words.length ? ", matching \u201c" + state.words.join(" ") + "\u201d" : "");
    spacer.style.height = shown.length * ROW_HEIGHT + "px";
    renderRows();
  }

  function renderRows() {
    Array.prototype.slice.call(list.querySelectorAll(".row")).forEach(function (row) { row.remove(); });
    var first = Math.max(0, Math.floor(list.scrollTop / ROW_HEIGHT) - 6);
    var last = Math.min(shown.length, Math.ceil((list.scrollTop + list.clientHeight) / ROW_HEIGHT) + 6);
    var fragment = document.createDocumentFragment();
    for (var i = first; i < last; i++) fragment.appendChild(listRow(shown[i], i));
    list.appendChild(fragment);
  }

  function listRow(ev, position) {
    var row = element("div", "row " + ev.status);
    row.setAttribute("role", "option");
    row.setAttribute("aria-selected", state.selected === ev.index ? "true" : "false");
    row.style.top = position * ROW_HEIGHT + "px";
    row.dataset.index = String(ev.index);
    var when = element("div", "when", ev.when);
    var label = STATUS[ev.status] ? STATUS[ev.status].label : ev.status;
    when.appendChild(element("span", "badge " + ev.status, label));
    when.appendChild(document.createTextNode("  " + ev.cites.length + (ev.cites.length === 1 ? " source" : " sources")));
    row.appendChild(when);
    row.appendChild(element("div", "what", ev.title));
    return row;
  }

  // ---- one event in full, with its sources as numbered notes ----
  function renderDetail() {
    detail.textContent = "";
    if (state.selected === null) {
      detail.appendChild(element("p", "when", "Choose an event in the list or on the timeline to read it with its sources."));
      return;
    }
    var ev = events[state.selected];
    detail.appendChild(element("h2", null, ev.title));
    detail.appendChild(element("p", "when", ev.when + " \u00b7 EDTF " + ev.edtf));
    var challenged = [];
    ev.cites.forEach(function (cite, n) { if (CHALLENGES[cite[1]]) challenged.push("[" + (n + 1) + "]"); });
    if (ev.status === "disputed" || ev.status === "denied" || ev.status === "false") {
      var flag = element("p", "flag " + ev.status, STATUS[ev.status].label);
      if (challenged.length) flag.appendChild(document.createTextNode(" \u2014 challenged by " + challenged.join("")));
      if (ev.reason) flag.appendChild(document.createTextNode(": " + ev.reason));
      detail.appendChild(flag);
    }
    var facts = element("dl");
    [["Status", ev.status + (ev.reason && ev.status !== "disputed" && ev.status !== "denied" && ev.status !== "false" ? " (" + ev.reason + ")" : "")],
     ["Kind", ev.kind], ["Place", ev.place], ["Tags", ev.tags.join(", ")], ["Actors", ev.actors]].forEach(function (pair) {
      if (!pair[1]) return;
      facts.appendChild(element("dt", null, pair[0]));
      facts.appendChild(element("dd", null, pair[1]));
    });
    detail.appendChild(facts);
    if (ev.summary) detail.appendChild(element("p", null, ev.summary));
    if (ev.notes) detail.appendChild(element("p", "notes", "Note: " + ev.notes));
    detail.appendChild(element("h3", null, "Sources"));
    var notes = element("ol", "sources");
    ev.cites.forEach(function (cite) {
      var source = sources[cite[0]], item = element("li");
      item.appendChild(element("span", "stance" + (CHALLENGES[cite[1]] ? " challenge" : ""), cite[1]));
      var href = webLink(source.href);
      if (href) {
        var link = element("a", null, source.label);
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener noreferrer nofollow";
        item.appendChild(link);
      } else {
        item.appendChild(document.createTextNode(source.label));
      }
      if (source.published) item.appendChild(document.createTextNode(", published " + source.published));
      if (cite[2]) {
        var quote = element("blockquote", null, "\u201c" + cite[2] + "\u201d");
        if (cite[3]) quote.appendChild(document.createTextNode(" (" + cite[3] + ")"));
        item.appendChild(quote);
      } else if (cite[3]) {
        item.appendChild(element("span", "note", "speaker: " + cite[3]));
      }
      if (cite[4]) item.appendChild(element("span", "note", cite[4]));
      notes.appendChild(item);
    });
    detail.appendChild(notes);
    if (ev.links.length) {
      detail.appendChild(element("h3", null, "Related events"));
      var related = element("ul", "related");
      ev.links.forEach(function (link) {
        var other = bySlug[link[1]], item = element("li");
        item.appendChild(document.createTextNode(link[2] === "out" ? link[0].replace(/_/g, " ") + " \u2192 " : "\u2190 " + link[0].replace(/_/g, " ") + " by "));
        if (other) {
          var button = element("button", null, other.title);
          button.type = "button";
          button.addEventListener("click", function () { select(other.index, true); });
          item.appendChild(button);
        } else {
          item.appendChild(document.createTextNode(link[1]));
        }
        related.appendChild(item);
      });
      detail.appendChild(related);
    }
  }

  // ---- state changes ----
  function redraw() {
    drawTimeline();
    drawOverview();
    fromBox.value = isoDay(state.view[0]);
    toBox.value = isoDay(state.view[1]);
  }

  function setView(from, to) {
    var least = DAY / 24;
    from = Math.max(domain[0], from);
    to = Math.min(domain[1], to);
    if (to - from < least) { var middle = (from + to) / 2; from = middle - least / 2; to = middle + least / 2; }
    state.view = [from, to];
    var zoom = (to - from) / state.packedFor;
    if (zoom > 1.5 || zoom < 1 / 1.5) layoutLanes();
    redraw();
    refreshList();
  }

  function setWords(text) {
    state.words = text.toLowerCase().split(/\s+/).filter(Boolean);
    applyFilter();
    redraw();
    list.scrollTop = 0;
    refreshList();
  }

  function select(index, reveal) {
    state.selected = index;
    var ev = events[index];
    if (reveal && !inView(ev)) {
      var width = state.view[1] - state.view[0], middle = (ev.s0 + ev.e1) / 2;
      setView(middle - width / 2, middle + width / 2);
    }
    var position = shown.indexOf(ev);
    if (reveal && position >= 0) {
      var top = position * ROW_HEIGHT;
      if (top < list.scrollTop || top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top - ROW_HEIGHT;
    }
    drawTimeline();
    renderRows();
    renderDetail();
  }

  // ---- interaction ----
  var typing = null;
  filterBox.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { setWords(filterBox.value); }, 120);
  });
  laneChoice.addEventListener("change", function () {
    state.laneMode = laneChoice.value;
    applyFilter();
    redraw();
  });
  function dayFromBox(box, end) {
    if (!box.value) return end ? domain[1] : domain[0];
    var parts = box.value.split("-").map(Number), when = new Date(0);
    when.setUTCFullYear(parts[0], parts[1] - 1, parts[2]);
    return when.getTime() / 1000 + (end ? DAY : 0);
  }
  fromBox.addEventListener("change", function () { setView(dayFromBox(fromBox, false), state.view[1]); });
  toBox.addEventListener("change", function () { setView(state.view[0], dayFromBox(toBox, true)); });
  $("reset").addEventListener("click", function () {
    filterBox.value = "";
    state.words = [];
    applyFilter();
    setView(domain[0], domain[1]);
  });
  list.addEventListener("scroll", function () { window.requestAnimationFrame(renderRows); });
  list.addEventListener("click", function (event) {
    var row = event.target.closest(".row");
    if (row) select(Number(row.dataset.index), false);
  });
  list.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    var position = state.selected === null ? -1 : shown.indexOf(events[state.selected]);
    position = Math.max(0, Math.min(shown.length - 1, position + (event.key === "ArrowDown" ? 1 : -1)));
    if (shown.length) select(shown[position].index, true);
  });

  function pointerTime(canvas, event, from, to) {
    var box = canvas.getBoundingClientRect();
    return from + (event.clientX - box.left) / box.width * (to - from);
  }

  // The brush: drag on empty strip to choose a period, drag inside it to move it, double-click for all.
  var brush = null;
  overview.addEventListener("pointerdown", function (event) {
    var t = pointerTime(overview, event, domain[0], domain[1]);
    brush = t > state.view[0] && t < state.view[1] && state.view[1] - state.view[0] < domain[1] - domain[0]
      ? { mode: "move", grip: t, view: state.view.slice() } : { mode: "new", anchor: t };
    overview.setPointerCapture(event.pointerId);
  });
  overview.addEventListener("pointermove", function (event) {
    if (!brush) return;
    var t = pointerTime(overview, event, domain[0], domain[1]);
    if (brush.mode === "move") {
      var shift = t - brush.grip, width = brush.view[1] - brush.view[0];
      var from = Math.min(Math.max(domain[0], brush.view[0] + shift), domain[1] - width);
      setView(from, from + width);
    } else if (Math.abs(t - brush.anchor) > (domain[1] - domain[0]) / 400) {
      setView(Math.min(t, brush.anchor), Math.max(t, brush.anchor));
    }
  });
  overview.addEventListener("pointerup", function () { brush = null; });
  overview.addEventListener("dblclick", function () { setView(domain[0], domain[1]); });

  var drag = null;
  timeline.addEventListener("pointerdown", function (event) {
    drag = { x: event.clientX, view: state.view.slice(), moved: false };
    timeline.setPointerCapture(event.pointerId);
  });
  timeline.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var box = timeline.getBoundingClientRect(), dx = event.clientX - drag.x;
    if (Math.abs(dx) < 3 && !drag.moved) return;
    drag.moved = true;
    timeline.classList.add("dragging");
    var shift = -dx / box.width * (drag.view[1] - drag.view[0]);
    var width = drag.view[1] - drag.view[0];
    var from = Math.min(Math.max(domain[0], drag.view[0] + shift), domain[1] - width);
    setView(from, from + width);
  });
  timeline.addEventListener("pointerup", function (event) {
    timeline.classList.remove("dragging");
    var wasDrag = drag && drag.moved;
    drag = null;
    if (wasDrag) return;
    var box = timeline.getBoundingClientRect(), px = event.clientX - box.left, py = event.clientY - box.top;
    for (var i = hits.length - 1; i >= 0; i--) {
      var hit = hits[i];
      if (px >= hit[0] && px <= hit[0] + hit[2] && py >= hit[1] && py <= hit[1] + hit[3]) { select(hit[4], true); return; }
    }
  });
  timeline.addEventListener("wheel", function (event) {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    var t = pointerTime(timeline, event, state.view[0], state.view[1]);
    var factor = Math.exp(event.deltaY * 0.002);
    setView(t - (t - state.view[0]) * factor, t + (state.view[1] - t) * factor);
  }, { passive: false });

  var resizing = null;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(function () { redraw(); renderRows(); });
  });

  // ---- start ----
  state.view = busiestView();
  applyFilter();
  redraw();
  refreshList();
  var wanted = bySlug[decodeURIComponent(location.hash.slice(1))];
  state.selected = wanted ? wanted.index : shown.length ? shown[0].index : null;
  drawTimeline();
  renderRows();
  renderDetail();
  window.timelinePage = {
    filter: setWords,
    view: setView,
    select: function (slug) { if (bySlug[slug]) select(bySlug[slug].index, true); },
    shown: function () { return shown.length; },
    lanes: function () { return lanes.map(function (lane) { return lane.name; }); }
  };
  window.timelineReady = { events: events.length, ms: performance.now() };
})();
