/* The dashboard's behaviour (the pages' CSP allows only our own files): copy buttons, and the activity charts
 * drawn with uPlot (vendor/uplot-1.6.32) from the page's JSON data block (#chart-data). */
(function () {
  "use strict";

  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-copy]");
    if (!button) return;
    var text = button.getAttribute("data-copy");
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = label; }, 1200);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {});
    } else {  // plain http on a LAN address: fall back to a selection copy
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); done(); } catch (err) { /* nothing to copy to */ }
      document.body.removeChild(area);
    }
  });

  var source = document.getElementById("chart-data");
  if (!source || typeof window.uPlot === "undefined") return;
  var data = JSON.parse(source.textContent);
  var accent = getComputedStyle(document.documentElement).getPropertyValue("--lb-accent").trim() || "#3557d6";

  function draw(id, series, values) {
    var figure = document.getElementById(id);
    if (!figure) return;
    var width = Math.max(260, figure.clientWidth - 8);
    var chart = new window.uPlot({
      width: width,
      height: 200,
      series: [{}].concat(series),
      axes: [{ stroke: "#5d6472" }, { stroke: "#5d6472", size: 44 }],
      scales: { x: { time: true } },
      legend: { live: false },
      cursor: { drag: { x: false, y: false } }
    }, [data.t].concat(values), figure);
    var total = values.reduce(function (sum, v) { return sum + v.reduce(function (a, b) { return a + b; }, 0); }, 0);
    figure.setAttribute("role", "img");
    figure.setAttribute("aria-label", figure.querySelector("figcaption").textContent + ": " + total + " in all");
    window.addEventListener("resize", function () {
      chart.setSize({ width: Math.max(260, figure.clientWidth - 8), height: 200 });
    });
  }

  draw("chart-events", [
    { label: "succeeded", stroke: accent, fill: "rgba(53, 87, 214, 0.12)", width: 2 },
    { label: "failed", stroke: "#b3261e", fill: "rgba(179, 38, 30, 0.10)", width: 2 }
  ], [data.ok, data.failed]);
  draw("chart-requests", [
    { label: "requests", stroke: "#1e7c4a", fill: "rgba(30, 124, 74, 0.12)", width: 2 }
  ], [data.requests]);
})();
