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

  // The fragment carries one file's content (the visible tab's); the other tabs fetch theirs when opened.
  function resultsUrl(formQuery, file) {
    return form.dataset.results + '?' + formQuery + (file ? (formQuery ? '&' : '') + 'file=' + encodeURIComponent(file) : '');
  }

  function visibleFile() {
    const panel = selectedTab && document.getElementById(selectedTab.replace(/^tab-/, 'panel-'));
    return panel ? panel.dataset.file : '';
  }

  // The freshness line says, at every moment, whether the files shown are those of the form.
  const freshness = document.getElementById('freshness');
  const SLOW_MS = 3000;
  let slowTimer = null;

  function setFreshness(state, message) {
    freshness.dataset.state = state;
    freshness.textContent = message;
    const results = document.getElementById('results');
    const current = state === 'current';
    results.classList.toggle('stale', !current && results.dataset.valid === 'true');
    // Downloads and copies of files that are not the form's are switched off, not left pointing at other values.
    results.querySelectorAll('a[href], a[data-href]').forEach(function (a) {
      if (current && a.dataset.href) {
        a.setAttribute('href', a.dataset.href);
        delete a.dataset.href;
        a.removeAttribute('role');
        a.removeAttribute('aria-disabled');
      }
      if (!current && a.hasAttribute('href') && !a.getAttribute('href').startsWith('#')) {
        a.dataset.href = a.getAttribute('href');
        a.removeAttribute('href'); // nothing to follow, click or copy: not merely greyed out
        a.setAttribute('role', 'link'); // still read as a link, and one that is disabled
        a.setAttribute('aria-disabled', 'true');
      }
    });
    results.querySelectorAll('button.copy').forEach(function (b) { b.disabled = !current; });
  }

  // Why a refresh failed, in words a user can act on.
  function failure(response, error) {
    if (error) {
      return navigator.onLine === false ? 'you are offline' : 'the server could not be reached';
    }
    if (response && !response.ok) return 'the server answered HTTP ' + response.status;
    return 'the answer was not the wizard\'s (a proxy error page?)';
  }

  // The form's values the files shown are for; the server rendered the page for the form it holds.
  let shownQuery = query();

  async function refresh() {
    const sent = query();
    // A change event after the input events that already refreshed (leaving a field), or an edit undone.
    if (sent === shownQuery && freshness.dataset.state === 'current') { ++latest; return true; }
    const seq = ++latest;
    const results = document.getElementById('results');
    results.setAttribute('aria-busy', 'true');
    setFreshness('updating', 'Updating… the files below are for the previous values.');
    clearTimeout(slowTimer);
    slowTimer = setTimeout(function () {
      if (seq === latest && freshness.dataset.state === 'updating') {
        setFreshness('updating', 'Still updating: the server is slow. The files below are for the previous values.');
      }
    }, SLOW_MS);
    let page = null;
    let response = null;
    let error = null;
    try {
      // Only the error summary and the results: the server's /results fragment of this page.
      response = await fetch(resultsUrl(sent, visibleFile()), { headers: { Accept: 'text/html' } });
      page = new DOMParser().parseFromString(await response.text(), 'text/html');
    } catch (e) {
      error = e;
    }
    if (seq !== latest) return false; // a newer edit is already on its way
    clearTimeout(slowTimer);
    results.removeAttribute('aria-busy');
    const fresh = page && page.getElementById('results');
    const freshSummary = page && page.getElementById('error-summary');
    if (!fresh || !freshSummary) {
      // Keep what is shown, say it is stale and why; submitting the form still works.
      const why = failure(response, error);
      setFreshness('failed', 'Not updated: ' + why + '. The files below are for earlier values; downloads are'
        + ' off until an update succeeds (edit a field to try again, or press Generate).');
      announce('The preview could not be updated: ' + why + '.');
      return false;
    }
    history.replaceState(null, '', fresh.dataset.pageLink);
    const valid = fresh.dataset.valid === 'true';
    const hadFiles = results.dataset.valid === 'true';
    if (valid || !hadFiles) {
      results.innerHTML = fresh.innerHTML;
      results.dataset.valid = fresh.dataset.valid;
      results.dataset.pageLink = fresh.dataset.pageLink;
      enhance(results);
    }
    // Field errors: the server's verdict (one summary item per problem), shown inline without touching what the user is typing.
    const messages = new Map();
    freshSummary.querySelectorAll('li[data-param]').forEach(function (item) {
      const name = item.dataset.param;
      messages.set(name, messages.has(name) ? messages.get(name) + '; ' + item.dataset.message : item.dataset.message);
    });
    verdict = { messages: messages, summary: freshSummary, valid: valid, hadFiles: hadFiles };
    if (valid) shownQuery = sent;
    showVerdict();
    return true;
  }

  // Calm validation: a NEW error in the field being typed into waits until the user leaves the field, presses Enter
  // or pauses for CALM_MS ("4" on the way to "45m" is not a mistake yet); errors that go away go at once, and the
  // files stay live all along.
  const CALM_MS = 1000;
  let verdict = null;
  let editing = null; // { name, at }: the field last typed into, and when
  let calmTimer = null;
  let holding = []; // the fields whose new error is held back now

  function held(name) {
    if (!editing || editing.name !== name || Date.now() - editing.at >= CALM_MS) return false;
    const error = document.getElementById(name + '-error');
    return !error || error.hidden; // an error already shown stays shown (with its new wording)
  }

  function showVerdict() {
    if (!verdict) return;
    clearTimeout(calmTimer);
    holding = [];
    form.querySelectorAll('.field').forEach(function (field) {
      const name = field.dataset.field;
      const error = document.getElementById(name + '-error');
      let bad = verdict.messages.has(name);
      if (bad && held(name)) { holding.push(name); bad = false; }
      field.classList.toggle('invalid', bad);
      error.textContent = bad ? verdict.messages.get(name) : '';
      error.hidden = !bad;
      const control = document.getElementById(name);
      if (control && control.tagName !== 'FIELDSET') {
        if (bad) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
      }
    });
    const shown = verdict.summary.cloneNode(true);
    shown.querySelectorAll('li[data-param]').forEach(function (item) {
      if (holding.indexOf(item.dataset.param) >= 0) item.remove();
    });
    const anyShown = shown.querySelector('li') !== null;
    // Replaced only when it changed: a link being clicked in it must not be swapped out under the pointer.
    if (summary.innerHTML !== shown.innerHTML) summary.innerHTML = shown.innerHTML;
    summary.hidden = verdict.summary.hidden || !anyShown;
    if (verdict.valid) {
      setFreshness('current', 'Up to date: the files below are for the values in the form.');
    } else if (!anyShown) {
      setFreshness(verdict.hadFiles ? 'invalid' : 'none', 'Not updated while you type: the value so far is not valid.'
        + (verdict.hadFiles ? ' The files below are for the last valid values.' : ''));
    } else if (verdict.hadFiles) {
      // The last good files stay, dimmed and labelled: emptying the column would lose what the user was reading.
      setFreshness('invalid', 'Not updated: fix the marked fields. The files below are for the last valid values;'
        + ' downloads are off until then.');
    } else {
      setFreshness('none', 'No files yet: fix the marked fields.');
    }
    if (holding.length) {
      calmTimer = setTimeout(showVerdict, Math.max(0, CALM_MS - (Date.now() - editing.at)) + 10);
    } else {
      announce(summary.hidden ? 'The files below are up to date.' : summary.querySelector('h2').textContent);
    }
  }

  function typedInto(event) {
    const field = event.target.closest && event.target.closest('.field');
    editing = field ? { name: field.dataset.field, at: Date.now() } : null;
  }

  // Leaving the field, or Enter (the form's submit), shows what was held.
  form.addEventListener('focusout', function (event) {
    const field = event.target.closest && event.target.closest('.field');
    if (editing && field && field.dataset.field === editing.name) {
      editing = null;
      if (holding.length) showVerdict();
    }
  });

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  form.addEventListener('input', function (event) { typedInto(event); schedule(); });
  form.addEventListener('change', schedule);
  form.addEventListener('submit', function (event) {
    event.preventDefault(); // the preview is already there; keep the URL shareable
    clearTimeout(timer);
    editing = null; // Enter: nothing is held any more
    refresh().then(function (done) {
      if (done && !summary.hidden) summary.focus();
      // Visible when JavaScript is on too: Generate takes you to the files it made.
      if (done && summary.hidden) document.getElementById('results').focus();
    });
  });

  // The summary's links put the keyboard in the field (a plain #link would only scroll to it).
  summary.addEventListener('click', function (event) {
    const link = event.target.closest('a[href^="#"]');
    const target = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    const control = target.tagName === 'FIELDSET'
      ? target.querySelector('input:checked') || target.querySelector('input:not([type=hidden])') : target;
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
    const panel = target && button.closest('[data-loaded]');
    const ready = panel && panel.dataset.loaded !== 'true' ? loadPanel(panel) : Promise.resolve();
    ready.then(function () {
      copy(target ? document.getElementById(target).textContent : button.dataset.copyText, button);
    });
  });

  // A preset adds its own values to the form as it is now (the link's href holds the values the page was rendered
  // with, for a browser without JavaScript); the page then names what it set, and Back undoes it.
  document.addEventListener('click', function (event) {
    const link = event.target.closest('a[data-preset]');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const merged = new URLSearchParams(new FormData(form));
    new URLSearchParams(link.dataset.presetParams).forEach(function (value, name) { merged.set(name, value); });
    merged.set('preset', link.dataset.preset);
    location.assign('/?' + merged.toString());
  });

  // A field that does nothing for the ticked install paths is switched off (so not sent) and says why; the server
  // renders the same state for a browser without JavaScript. No box ticked is an error: nothing is switched off then.
  // A field is switched off where it does nothing: on the ticked install paths, or with the chosen chart family
  // (data-no-effect-<family> holds that family's reason).
  function followInstallPaths() {
    const ticked = Array.prototype.map.call(form.querySelectorAll('input[type=checkbox][name=installPath]:checked'),
      function (b) { return b.value; });
    const familySelect = form.querySelector('select[name=chartFamily]');
    const family = familySelect ? familySelect.value : '';
    form.querySelectorAll('.field[data-paths]').forEach(function (field) {
      const on = field.dataset.paths.split(',');
      const pathInert = ticked.length > 0 && ticked.every(function (p) { return on.indexOf(p) < 0; });
      const familyReason = family ? field.dataset['noEffect' + family.charAt(0).toUpperCase() + family.slice(1)] : '';
      const inert = pathInert || Boolean(familyReason);
      field.classList.toggle('inert', inert);
      field.querySelectorAll('input:not([type=hidden]), select').forEach(function (c) { c.disabled = inert; });
      const reason = document.getElementById(field.dataset.field + '-inert');
      // Empty when hidden: aria-describedby reads a hidden element's text too.
      reason.textContent = inert ? (pathInert ? field.dataset.noEffect : familyReason) : '';
      reason.hidden = !inert;
    });
  }
  form.addEventListener('change', function (event) {
    if (event.target.name === 'installPath' || event.target.name === 'chartFamily') followInstallPaths();
    if (event.target.name === 'chartFamily') suggestFamilyVersions();
  });

  // The version suggestions are the chosen family's (each option's label is its family's title, as the select shows it).
  const knownVersions = document.getElementById('chartVersion-known');
  const allVersions = knownVersions ? Array.prototype.slice.call(knownVersions.options) : [];
  function suggestFamilyVersions() {
    const familySelect = form.querySelector('select[name=chartFamily]');
    if (!knownVersions || !familySelect) return;
    const title = familySelect.options[familySelect.selectedIndex].text;
    knownVersions.replaceChildren.apply(knownVersions, allVersions.filter(function (o) { return o.label === title; }));
  }
  suggestFamilyVersions();

  // Each field's "default" mark and reset button follow what the field holds.
  function fieldValue(field) {
    const boxes = field.querySelectorAll('input[type=checkbox]');
    if (boxes.length) {
      return Array.prototype.filter.call(boxes, function (b) { return b.checked; })
        .map(function (b) { return b.value; }).join(',');
    }
    const checked = field.querySelector('input[type=radio]:checked');
    if (checked) return checked.value;
    const control = field.querySelector('input[type=text], select');
    return control ? control.value : '';
  }

  function markDefault(field) {
    const mark = document.getElementById(field.dataset.field + '-default');
    const reset = document.getElementById(field.dataset.field + '-reset');
    const isDefault = fieldValue(field) === field.dataset.default;
    mark.textContent = isDefault ? 'Default value' : 'Changed from the default, ' + field.dataset.default;
    reset.hidden = isDefault;
  }

  form.addEventListener('input', function (event) {
    const field = event.target.closest('.field');
    if (field) markDefault(field);
  });
  form.addEventListener('change', function (event) {
    const field = event.target.closest('.field');
    if (field) markDefault(field);
  });
  form.addEventListener('click', function (event) {
    const button = event.target.closest('button.reset');
    if (!button) return;
    const field = button.closest('.field');
    const value = field.dataset.default;
    const boxes = field.querySelectorAll('input[type=checkbox]');
    boxes.forEach(function (b) { b.checked = value.split(',').indexOf(b.value) >= 0; });
    const radio = field.querySelector('input[type=radio][value="' + CSS.escape(value) + '"]');
    const control = boxes.length ? field.querySelector('input[type=checkbox]:checked') || boxes[0]
      : radio || field.querySelector('input[type=text], select');
    if (radio) radio.checked = true; else if (!boxes.length) control.value = value;
    // The install paths and the chart family switch other fields off; reset may change either.
    followInstallPaths();
    suggestFamilyVersions();
    markDefault(field);
    control.focus();
    schedule();
  });

  // Files in tabs (the ARIA tabs pattern: arrows move between tabs, Tab goes into the panel) and YAML highlighting.
  let selectedTab = null;

  function selectTab(tab, focus) {
    const list = tab.closest('[role=tablist]');
    list.querySelectorAll('[role=tab]').forEach(function (t) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    });
    selectedTab = tab.id;
    if (focus) tab.focus();
    const panel = document.getElementById(tab.getAttribute('aria-controls'));
    if (panel.dataset.loaded === 'false') loadPanel(panel);
  }

  // Fetches a tab's file for the values the shown files are for (not the form's: a refresh is already on its
  // way if those differ) and puts it in the panel, unless the results were replaced meanwhile.
  function loadPanel(panel) {
    if (panel.loading) return panel.loading;
    const results = document.getElementById('results');
    const link = results.dataset.pageLink;
    const status = document.getElementById(panel.id.replace(/^panel-/, '') + '-status');
    panel.loading = fetch(resultsUrl(link.replace(/^\/\??/, ''), panel.dataset.file), { headers: { Accept: 'text/html' } })
      .then(function (response) {
        return response.text().then(function (text) {
          const fresh = new DOMParser().parseFromString(text, 'text/html').getElementById(panel.id);
          if (!response.ok || !fresh || fresh.dataset.loaded !== 'true') throw failure(response, null);
          return fresh;
        }, function () { throw failure(response, null); });
      }, function (e) { throw failure(null, e); })
      .then(function (fresh) {
        if (!panel.isConnected || results.dataset.pageLink !== link) return;
        panel.innerHTML = fresh.innerHTML;
        panel.dataset.loaded = 'true';
        highlight(panel);
        setFreshness(freshness.dataset.state, freshness.textContent); // a stale view keeps its links switched off
      }, function (why) {
        if (status) status.textContent = 'Could not load ' + panel.dataset.file + ': ' + why + '. The download link still works.';
      })
      .finally(function () { panel.loading = null; });
    return panel.loading;
  }

  function enhance(root) {
    const list = root.querySelector('[role=tablist]');
    if (list) {
      list.hidden = false;
      root.classList.add('tabbed');
      const tabs = Array.from(list.querySelectorAll('[role=tab]'));
      selectTab(tabs.find(function (t) { return t.id === selectedTab; })
        || tabs.find(function (t) { return t.getAttribute('aria-selected') === 'true'; }) || tabs[0], false);
      list.addEventListener('click', function (event) {
        const tab = event.target.closest('[role=tab]');
        if (tab) selectTab(tab, true);
      });
      list.addEventListener('keydown', function (event) {
        const i = tabs.indexOf(document.activeElement);
        if (i < 0) return;
        const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        selectTab(tabs[(next + tabs.length) % tabs.length], true);
      });
    }
    highlight(root);
  }

  function highlight(root) {
    if (window.hljs) {
      root.querySelectorAll('pre code.language-yaml').forEach(function (code) {
        if (code.textContent) window.hljs.highlightElement(code);
      });
    }
  }

  enhance(document.getElementById('results'));
})();
