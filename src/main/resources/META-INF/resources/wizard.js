// Live preview and copy buttons. Without JavaScript the form posts to / and the server renders the same page.
(function () {
  'use strict';
  const form = document.getElementById('wizard');
  if (!form) return;
  document.documentElement.classList.add('js');
  const summary = document.getElementById('error-summary');
  const status = document.getElementById('status');
  // Live updates are announced once, politely, through #status; an alert on every keystroke would interrupt typing.
  summary.removeAttribute('role');
  let timer = null;
  let latest = 0;
  let said = '';

  function announce(message) {
    if (message === said) return;
    said = message;
    status.textContent = message;
  }

  // Every field is sent; the server answers with the canonical shareable link (only values that differ from the defaults).
  function query() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  async function refresh() {
    const seq = ++latest;
    const results = document.getElementById('results');
    results.classList.add('loading');
    results.setAttribute('aria-busy', 'true');
    let page = null;
    try {
      // Only the error summary and the results: the server's /results fragment of this page.
      const response = await fetch('/results?' + query(), { headers: { Accept: 'text/html' } });
      page = new DOMParser().parseFromString(await response.text(), 'text/html');
    } catch (e) {
      // offline or server gone: keep the last preview; submitting the form still works
    }
    if (seq !== latest) return false; // a newer edit is already on its way
    results.classList.remove('loading');
    results.removeAttribute('aria-busy');
    const fresh = page && page.getElementById('results');
    const freshSummary = page && page.getElementById('error-summary');
    if (!fresh || !freshSummary) return false; // not the wizard's fragment (a proxy error, say): keep what is shown
    results.innerHTML = fresh.innerHTML;
    history.replaceState(null, '', fresh.dataset.pageLink);
    // Field errors: the server's verdict (one summary item per problem), shown inline without touching what the user is typing.
    const messages = new Map();
    freshSummary.querySelectorAll('li[data-param]').forEach(function (item) {
      const name = item.dataset.param;
      messages.set(name, messages.has(name) ? messages.get(name) + '; ' + item.dataset.message : item.dataset.message);
    });
    form.querySelectorAll('.field').forEach(function (field) {
      const name = field.dataset.field;
      const error = document.getElementById(name + '-error');
      const bad = messages.has(name);
      field.classList.toggle('invalid', bad);
      error.textContent = bad ? messages.get(name) : '';
      error.hidden = !bad;
      const control = document.getElementById(name);
      if (control && control.tagName !== 'FIELDSET') {
        if (bad) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
      }
    });
    summary.innerHTML = freshSummary.innerHTML;
    summary.hidden = freshSummary.hidden;
    announce(summary.hidden ? 'The files below are up to date.' : summary.querySelector('h2').textContent);
    return true;
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
    refresh().then(function (done) {
      if (done && !summary.hidden) summary.focus();
    });
  });

  // The summary's links put the keyboard in the field (a plain #link would only scroll to it).
  summary.addEventListener('click', function (event) {
    const link = event.target.closest('a[href^="#"]');
    const target = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    const control = target.tagName === 'FIELDSET'
      ? target.querySelector('input:checked') || target.querySelector('input') : target;
    (target.closest('.field') || target).scrollIntoView({ block: 'center' });
    control.focus({ preventScroll: true });
  });

  async function copy(text, button) {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch (e) { // the clipboard API needs a secure context; fall back for plain-HTTP internal hosts
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'offscreen';
      document.body.appendChild(area);
      area.select();
      try { ok = document.execCommand('copy'); } catch (e2) { ok = false; }
      area.remove();
      button.focus(); // select() took the focus; give it back
    }
    if (!button.dataset.label) button.dataset.label = button.textContent;
    button.textContent = ok ? 'Copied' : 'Copy failed';
    announce(''); // a second copy in a row is announced again
    announce(ok ? 'Copied.' : 'Could not copy: select the text and copy it by hand.');
    clearTimeout(button.resetTimer);
    button.resetTimer = setTimeout(function () { button.textContent = button.dataset.label; }, 1500);
  }

  // Delegated: the results are replaced on every refresh.
  document.addEventListener('click', function (event) {
    const button = event.target.closest('button.copy');
    if (!button) return;
    const target = button.dataset.copyTarget;
    copy(target ? document.getElementById(target).textContent : button.dataset.copyText, button);
  });
})();
