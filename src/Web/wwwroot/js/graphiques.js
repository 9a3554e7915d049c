// The charts of the unplaced report (Chart.js, served locally): bars in the DSFR's blue, French numbers. Each chart has
// its table beside it, so the figures never depend on seeing the canvas.
const source = document.getElementById("graphiques-donnees");
if (source && window.Chart) {
  const data = JSON.parse(source.textContent);
  const blue = getComputedStyle(document.documentElement).getPropertyValue("--background-action-high-blue-france").trim() || "#000091";
  // Long labels on several lines, so that none is cut at the chart's edge.
  const wrap = (label) => {
    const lines = [];
    let line = "";
    for (const word of label.split(" ")) {
      if (line && (line + " " + word).length > 26) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line];
  };
  const bars = (id, series, horizontal) => {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: series.labels.map(wrap), datasets: [{ label: "Personnes", data: series.values, backgroundColor: blue }] },
      options: {
        indexAxis: horizontal ? "y" : "x",
        animation: false,
        locale: "fr-FR",
        plugins: { legend: { display: false } },
        scales: { [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    canvas.dataset.ready = "true";
  };
  bars("graphique-motifs", data.reasons, true);
  bars("graphique-distances", data.distances, false);
}
