// The rebuild of the search index, followed every half second while it runs; the page reloads when it ends.
const panel = document.getElementById("reindexation");
if (panel && panel.dataset.running === "true") {
  const bar = panel.querySelector("progress");
  const indexed = panel.querySelector("[data-champ=indexed]");
  const tick = async () => {
    const response = await fetch("/administration/index?handler=Progress", { credentials: "same-origin" });
    if (!response.ok) return;
    const state = await response.json();
    bar.value = state.percent;
    if (indexed) indexed.textContent = state.indexed;
    if (!state.running) window.location.reload();
    else setTimeout(tick, 500);
  };
  setTimeout(tick, 300);
}
