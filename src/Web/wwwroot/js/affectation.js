// The progress of an assignment run, read from the API every second while it works; when it ends, the page reloads
// and shows the review. Without JavaScript the page still says where the run was when it was loaded.
const panel = document.getElementById("progression");
if (panel) {
  const phases = {
    queued: "En file d'attente",
    loading: "Lecture des personnes et des postes",
    candidates: "Recherche des couples personne–poste possibles",
    flow: "Calcul de la meilleure affectation",
    conflicts: "Résolution des conflits entre coauteurs",
    done: "Terminé",
  };
  const field = (name) => panel.querySelector(`[data-champ=${name}]`);
  const bar = panel.querySelector("progress");
  const number = new Intl.NumberFormat("fr-FR");
  const tick = async () => {
    const response = await fetch(`/api/assignment-runs/${panel.dataset.run}`, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`état de l'affectation : ${response.status}`);
    const run = await response.json();
    if (run.state !== "queued" && run.state !== "running") {
      field("status").textContent = "Calcul terminé : affichage des propositions…";
      window.location.reload();
      return;
    }
    field("phase").textContent = phases[run.phase] ?? run.phase;
    field("percent").textContent = Math.round(run.percent);
    bar.value = run.percent;
    field("elapsed").textContent = `${Math.round((run.elapsedMs ?? 0) / 1000)} s`;
    field("objective").textContent = run.objective == null ? "—" : number.format(run.objective);
    field("bound").textContent = run.bestBound == null ? "—" : number.format(run.bestBound);
    panel.dataset.percent = String(run.percent);
    setTimeout(() => tick().catch(fail), 1000);
  };
  const fail = (error) => {
    field("status").textContent = "La progression n'a pas pu être lue ; rechargez la page.";
    console.warn(error);
  };
  setTimeout(() => tick().catch(fail), 500);
}
