// Live preview and copy buttons. Without JavaScript the form posts to / and the server renders the same page.
(function () {
  'use strict';
  const form = document.getElementById('wizard');
  if (!form) return;
  let timer = null;
  let latest = 0;

  // The form as a query string: only values that differ from the field's initial default are kept short by the server;
  // here every field is sent, and the server answers with the canonical shareable link.
  function query() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  async function refresh() {
    const seq = ++latest;
    const results = document.getElementById('results');
    results.classList.add('loading');
    let html;
    try {
      const response = await fetch('/?' + query(), { headers: { Accept: 'text/html' } });
      html = await response.text();
    } catch (e) {
      results.classList.remove('loading');
      return; // offline or server gone: keep the last preview; submitting the form still works
    }
    if (seq !== latest) return; // a newer edit is already on its way
    const page = new DOMParser().parseFromString(html, 'text/html');
    const fresh = page.getElementById('results');
    results.innerHTML = fresh.innerHTML;
    results.classList.remove('loading');
    history.replaceState(null, '', fresh.dataset.pageLink);
    // Field errors: the server's verdict, shown inline without touching what the user is typing.
    form.querySelectorAll('.field').forEach(function (field) {
      const name = field.dataset.field;
      const error = document.getElementById(name + '-error');
      const freshError = page.getElementById(name + '-error');
      const bad = freshError && !freshError.hidden;
      field.classList.toggle('invalid', bad);
      error.textContent = bad ? freshError.textContent : '';
      error.hidden = !bad;
      const control = document.getElementById(name);
      if (control && control.tagName !== 'FIELDSET') {
        if (bad) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
      }
    });
    const summary = document.getElementById('error-summary');
    summary.innerHTML = page.getElementById('error-summary').innerHTML;
    summary.hidden = page.getElementById('error-summary').hidden;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', function (event) {
    event.preventDefault(); // the preview is already there; keep the URL shareable
    clearTimeout(timer);
    refresh();
  });

  async function copy(text, button) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) { // clipboard API needs a secure context; fall back for plain-HTTP internal hosts
      const area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = label; }, 1200);
  }

  // Delegated: the results are replaced on every refresh.
  document.addEventListener('click', function (event) {
    const button = event.target.closest('button.copy');
    if (!button) return;
    const target = button.dataset.copyTarget;
    const text = target ? document.getElementById(target).textContent : button.dataset.copyText;
    copy(text, button);
  });
})();
