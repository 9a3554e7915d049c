// « Importer des personnes »: the upload's progress for a large file. Without JavaScript, or for a small file, the form
// posts as it is; here the same post goes through XMLHttpRequest, whose upload events say how far it is, and the answer
// (the preview page) replaces the page's main content.
const form = document.querySelector("form[data-import]");
const status = document.getElementById("progression");
const LARGE = 256 * 1024;

form?.addEventListener("submit", (event) => {
  const file = form.querySelector("input[type=file]")?.files?.[0];
  if (!file || file.size < LARGE || !status) return;
  event.preventDefault();
  const request = new XMLHttpRequest();
  request.open("POST", form.action);
  request.upload.addEventListener("progress", (e) => {
    if (e.lengthComputable) status.textContent = `Envoi du fichier : ${Math.round((100 * e.loaded) / e.total)} %`;
  });
  request.upload.addEventListener("load", () => { status.textContent = "Fichier reçu : lecture et vérification des lignes…"; });
  request.addEventListener("load", () => {
    const page = new DOMParser().parseFromString(request.responseText, "text/html");
    const main = page.querySelector("main");
    if (main) document.querySelector("main").replaceWith(main);
    else status.textContent = "Réponse inattendue du serveur : réessayez.";
  });
  request.addEventListener("error", () => { status.textContent = "L'envoi a échoué : vérifiez la connexion et réessayez."; });
  status.hidden = false;
  status.textContent = "Envoi du fichier : 0 %";
  request.send(new FormData(form));
});
