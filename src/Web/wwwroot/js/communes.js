// Commune autocomplete for the catalogue search: suggestions from /api/communes, the INSEE code as the value;
// « Autour de ma position » fills the hidden lat/lon fields when the browser knows where it is.
const input = document.querySelector("[list=communes]");
const list = document.getElementById("communes");
let pending;
if (input && list) {
  input.addEventListener("input", () => {
    clearTimeout(pending);
    const q = input.value.trim();
    if (q.length < 2 || /^\d[\dAB]\d{3}$/.test(q)) return;
    pending = setTimeout(async () => {
      const response = await fetch(`/api/communes?q=${encodeURIComponent(q)}&limit=10`, { credentials: "same-origin" });
      if (!response.ok) return;
      list.replaceChildren(...(await response.json()).map((c) => {
        const option = document.createElement("option");
        option.value = c.insee;
        option.label = `${c.name} (${c.departement})`;
        return option;
      }));
    }, 200);
  });
}
const button = document.getElementById("ma-position");
if (button && navigator.geolocation) {
  button.hidden = false;
  button.addEventListener("click", () => navigator.geolocation.getCurrentPosition((position) => {
    const form = button.closest("form");
    form.querySelector("[name='Input.Lat']").value = position.coords.latitude.toFixed(5);
    form.querySelector("[name='Input.Lon']").value = position.coords.longitude.toFixed(5);
    if (input) input.value = "";
    const radius = form.querySelector("[name='Input.RadiusKm']");
    if (radius && !radius.value) radius.value = "20";
    form.requestSubmit();
  }));
}
