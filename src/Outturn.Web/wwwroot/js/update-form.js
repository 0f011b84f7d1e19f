// With JavaScript the status follows the value as it is typed; the rules still run on the server.
const form = document.getElementById('update-form');
const preview = () => document.getElementById('status-preview');
if (form && preview()) {
    let timer;
    form.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const response = await fetch('?handler=Check', { method: 'POST', body: new FormData(form), headers: { 'X-Outturn-Preview': '1' } });
            if (response.ok) preview().outerHTML = await response.text();
        }, 300);
    });
}
