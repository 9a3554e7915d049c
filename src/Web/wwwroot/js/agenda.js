// « Mon agenda »: the button copies the feed's address (the field stays there to select by hand without JavaScript).
const button = document.querySelector('[data-copy]');
const field = button && document.getElementById(button.dataset.copy);
const status = document.getElementById('agenda-copie');
if (button && field && navigator.clipboard) {
    button.hidden = false;
    button.addEventListener('click', async () => {
        try {
            await navigator.clipboard.writeText(field.value);
            status.textContent = 'Adresse copiée.';
        } catch {
            field.select();
            status.textContent = 'Copie impossible : l\u2019adresse est sélectionnée, copiez-la avec Ctrl+C.';
        }
    });
}
