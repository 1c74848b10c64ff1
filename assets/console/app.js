// @ts-check
// The mcp-gateway console: a small page over the gateway's JSON + server-sent-events API.
// Every text goes in through textContent (never innerHTML): tool names, arguments and diffs
// come from backends and agents, and are shown, never interpreted.

const csrfToken = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
const main = /** @type {HTMLElement} */ (document.getElementById('main'));

/**
 * Calls the console's API; a state change carries the CSRF token.
 * @param {string} path
 * @param {{ method?: 'GET' | 'POST', body?: unknown }} [options]
 * @returns {Promise<any>}
 */
const api = async (path, options = {}) => {
  const method = options.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers:
      method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': csrfToken } : {},
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error ?? `${response.status} ${response.statusText}`);
  return data;
};

/**
 * Builds an element: attributes (`class`, `data-*`, event handlers as functions) and children
 * (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, string | number | boolean | EventListener | null | undefined> | null} [attrs]
 * @param {...(Node | string | number | null | undefined | false | (Node | string)[])} children
 * @returns {HTMLElement}
 */
const h = (tag, attrs, ...children) => {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
  return el;
};

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));
/** @param {string | undefined} iso */
const time = (iso) => (iso === undefined ? '' : new Date(iso).toLocaleTimeString());
/** @param {string | undefined} iso */
const dateTime = (iso) => (iso === undefined ? '' : new Date(iso).toLocaleString());
/** @param {unknown} value */
const json = (value) => JSON.stringify(value, null, 2);
/** @param {number} bytes */
const size = (bytes) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1048576).toFixed(1)} MiB`;

/** @param {string} text @param {'ok' | 'warn' | 'bad' | 'muted'} tone */
const badge = (text, tone) => h('span', { class: `badge ${tone}` }, text);

/** @param {string} state */
const stateTone = (state) => (state === 'ready' ? 'ok' : state === 'failed' ? 'bad' : 'warn');

/** @param {any} call */
const outcomeBadge = (call) => {
  if (call.outcome === undefined) return badge('running', 'warn');
  const status = call.outcome.status;
  return badge(status, status === 'ok' ? 'ok' : status === 'tool_error' ? 'warn' : 'bad');
};

/** @param {any} decision */
const decisionText = (decision) => {
  // A call stopped before the policy step (a withheld tool, an unauditable call) has no decision.
  if (decision.deciding === 'none') return 'stopped before the policy decided';
  const approval =
    decision.approval === undefined
      ? ''
      : ` · ${decision.approval.approved ? 'approved' : 'not approved'}${decision.approval.channel ? ` (${decision.approval.channel})` : ''}`;
  return `${decision.effect} → ${decision.final} (${decision.deciding})${approval}`;
};

/** @param {HTMLElement[]} nodes */
const show = (...nodes) => {
  main.replaceChildren(...nodes);
};

/** Marks the page as rendered (tests and the load-time figure wait for it). */
const rendered = (/** @type {string} */ page) => {
  document.body.dataset.ready = page;
  if (performance.getEntriesByName('console-ready').length === 0) performance.mark('console-ready');
};

// ---------------------------------------------------------------- Now

const renderNow = async () => {
  const now = await api('/api/now');
  updateCounts(now.pendingApprovals, now.changes);
  const g = now.gateway;
  const perMinute = /** @type {number[]} */ (now.callsPerMinute);
  const peak = Math.max(1, ...perMinute);
  show(
    h('h1', null, 'Now'),
    h(
      'div',
      { class: 'panel facts', 'data-testid': 'gateway' },
      h('span', null, 'gateway ', h('b', null, g.version)),
      h('span', null, 'pid ', h('b', null, g.pid)),
      h('span', null, 'since ', h('b', null, dateTime(g.startedAt))),
      h('span', null, 'config ', h('b', { class: 'mono' }, g.configFile ?? '(none)')),
      now.audit ? null : h('span', { class: 'warn' }, 'audit log off'),
    ),
    h('h2', null, 'Backends'),
    now.backends.length === 0
      ? h('p', { class: 'empty' }, 'No backends configured.')
      : h(
          'table',
          { 'data-testid': 'backends' },
          h(
            'tr',
            null,
            ...['Server', 'State', 'Tools', 'Restarts', 'Started in', 'Last error'].map((t) =>
              h('th', null, t),
            ),
          ),
          ...now.backends.map((/** @type {any} */ b) =>
            h(
              'tr',
              { 'data-backend': b.name },
              h('td', null, h('b', null, b.name)),
              h('td', null, badge(b.state, stateTone(b.state))),
              h('td', null, b.tools),
              h('td', null, b.restarts),
              h('td', null, b.startMs === undefined ? '' : `${b.startMs} ms`),
              h('td', { class: 'error-line' }, b.lastError ?? ''),
            ),
          ),
        ),
    h('h2', null, 'Agents'),
    now.sessions.length === 0
      ? h('p', { class: 'empty' }, 'No agent is connected.')
      : h(
          'table',
          { 'data-testid': 'sessions' },
          h(
            'tr',
            null,
            ...['Session', 'Client', 'Agent', 'State', 'Calls running', 'Last active'].map((t) =>
              h('th', null, t),
            ),
          ),
          ...now.sessions.map((/** @type {any} */ s) =>
            h(
              'tr',
              { 'data-session': s.session },
              h('td', { class: 'mono' }, s.session),
              h(
                'td',
                null,
                s.client === null ? '(unknown)' : `${s.client.name} ${s.client.version}`,
              ),
              h('td', null, s.agent ?? ''),
              h('td', null, s.initialized ? badge('connected', 'ok') : badge('starting', 'warn')),
              h('td', null, s.callsInFlight),
              h('td', null, time(s.lastActive)),
            ),
          ),
        ),
    h('h2', null, 'Calls per minute (last 15 minutes)'),
    h(
      'div',
      { class: 'panel' },
      h(
        'div',
        { class: 'bars', 'data-testid': 'calls-per-minute' },
        ...perMinute.map((count) => {
          const bar = h('div', { title: `${count} calls` });
          // Through CSSOM: the page's CSP allows no inline style attributes.
          bar.style.height = `${Math.round((count / peak) * 100)}%`;
          return bar;
        }),
      ),
      h(
        'div',
        { class: 'bar-labels' },
        h('span', null, '15 min ago'),
        h('span', null, `now: ${perMinute.at(-1) ?? 0}/min`),
      ),
    ),
  );
};

// ---------------------------------------------------------------- Calls

/** @type {{ tool: string, outcome: string, text: string, findings: boolean }} */
const callFilter = { tool: '', outcome: '', text: '', findings: false };
/** @type {Map<string, any>} */
let shownCalls = new Map();
/** @type {number | undefined} */
let olderFrom;

/** @param {any} call */
const passesFilter = (call) => {
  if (
    callFilter.tool !== '' &&
    !`${call.server}/${call.tool}`.toLowerCase().includes(callFilter.tool.toLowerCase())
  )
    return false;
  if (callFilter.outcome !== '') {
    const o = callFilter.outcome;
    if (o !== call.decision.effect && o !== call.decision.final && o !== call.outcome?.status)
      return false;
  }
  if (callFilter.findings && call.findings.length === 0) return false;
  if (
    callFilter.text !== '' &&
    !JSON.stringify(call).toLowerCase().includes(callFilter.text.toLowerCase())
  )
    return false;
  return true;
};

/** @param {any} call */
const callRow = (call) =>
  h(
    'tr',
    {
      class: 'clickable',
      'data-call': call.id,
      click: () => (location.hash = `#/calls/${encodeURIComponent(call.id)}`),
    },
    h('td', { class: 'mono' }, time(call.ts)),
    h('td', null, call.agent ?? (call.client === null ? '' : call.client.name)),
    h('td', null, h('b', null, call.server), '/', call.tool),
    h('td', { class: call.decision.final === 'allow' ? 'ok' : 'bad' }, decisionText(call.decision)),
    h(
      'td',
      { class: 'warn' },
      [...new Set(call.findings.map((/** @type {any} */ f) => f.rule))].join(', '),
    ),
    h('td', null, outcomeBadge(call)),
    h('td', null, call.outcome === undefined ? '' : `${call.outcome.ms} ms`),
    h('td', { class: 'mono muted' }, call.receipt === undefined ? '' : `#${call.receipt.seq}`),
  );

const callsTable = () => {
  const rows = [...shownCalls.values()].filter(passesFilter).map(callRow);
  return h(
    'table',
    { 'data-testid': 'calls' },
    h(
      'tr',
      null,
      ...[
        'Time',
        'Agent',
        'Server/tool',
        'Decision (rule)',
        'Findings',
        'Outcome',
        'Latency',
        'Receipt',
      ].map((t) => h('th', null, t)),
    ),
    ...rows,
  );
};

const redrawCalls = () => {
  const table = main.querySelector('[data-testid="calls"]');
  table?.replaceWith(callsTable());
};

/** @param {boolean} older */
const loadCalls = async (older) => {
  const query = new URLSearchParams({ limit: '100' });
  for (const [key, value] of Object.entries(callFilter)) {
    if (key === 'findings') {
      if (value) query.set('findings', '1');
    } else if (value !== '') query.set(key, String(value));
  }
  if (older && olderFrom !== undefined) query.set('before', String(olderFrom));
  const page = await api(`/api/calls?${query}`);
  if (!older) shownCalls = new Map();
  for (const call of page.calls) shownCalls.set(call.id, call);
  olderFrom = page.next;
};

const renderCalls = async () => {
  await loadCalls(false);
  /** @param {Event} event */
  const onFilter = (event) => {
    const form = /** @type {HTMLFormElement} */ (event.currentTarget);
    const data = new FormData(form);
    /** @param {string} name */
    const field = (name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    callFilter.tool = field('tool');
    callFilter.outcome = field('outcome');
    callFilter.text = field('text');
    callFilter.findings = data.get('findings') === 'on';
    event.preventDefault();
    void renderCalls();
  };
  const loadOlder = async () => {
    await loadCalls(true);
    redrawCalls();
    older.hidden = olderFrom === undefined;
  };
  const older = h(
    'button',
    { type: 'button', 'data-testid': 'older', click: () => void loadOlder() },
    'Load older calls',
  );
  older.hidden = olderFrom === undefined;
  show(
    h('h1', null, 'Calls'),
    h(
      'form',
      { class: 'filters', submit: onFilter, change: onFilter },
      h('input', {
        type: 'search',
        name: 'tool',
        placeholder: 'server/tool',
        value: callFilter.tool,
      }),
      h(
        'select',
        { name: 'outcome', 'aria-label': 'outcome' },
        ...[
          ['', 'any outcome'],
          ['allow', 'allowed'],
          ['deny', 'denied'],
          ['ask', 'asked a human'],
          ['ok', 'ok'],
          ['tool_error', 'tool error'],
          ['blocked', 'blocked'],
          ['error', 'error'],
          ['timeout', 'timeout'],
        ].map(([value, label]) =>
          h('option', { value, selected: value === callFilter.outcome }, label),
        ),
      ),
      h('input', {
        type: 'search',
        name: 'text',
        placeholder: 'text in the records',
        value: callFilter.text,
      }),
      h(
        'label',
        null,
        h('input', { type: 'checkbox', name: 'findings', checked: callFilter.findings }),
        ' with findings',
      ),
      h('button', { type: 'submit' }, 'Filter'),
    ),
    callsTable(),
    h('div', { class: 'actions' }, older),
  );
};

/** @param {string} id */
const renderCall = async (id) => {
  const detail = await api(`/api/calls/${encodeURIComponent(id)}`);
  const summary = detail.summary ?? shownCalls.get(id);
  show(
    h('h1', null, 'Call ', h('span', { class: 'mono' }, id)),
    h('p', null, h('a', { href: '#/calls' }, '← all calls')),
    summary === undefined
      ? h('span')
      : h(
          'div',
          { class: 'panel facts' },
          h('span', null, 'tool ', h('b', null, `${summary.server}/${summary.tool}`)),
          h('span', null, 'decision ', h('b', null, decisionText(summary.decision))),
          h('span', null, 'outcome ', outcomeBadge(summary)),
        ),
    h('h2', null, 'Receipt'),
    detail.receipt === undefined
      ? h('p', { class: 'empty' }, 'No result record yet.')
      : h(
          'div',
          { class: 'panel', 'data-testid': 'receipt' },
          h('div', { class: 'mono' }, `seq ${detail.receipt.seq}  ${detail.receipt.hash}`),
          h(
            'div',
            { class: 'muted' },
            'The agent got this receipt with the result (_meta["mcp-gateway/receipt"]); `mcp-gateway audit verify` checks the chain it belongs to.',
          ),
        ),
    h('h2', null, 'Audit records'),
    detail.records.length === 0
      ? h('p', { class: 'empty' }, 'Not in the audit log (yet).')
      : h(
          'div',
          null,
          ...detail.records.map((/** @type {any} */ check) =>
            h(
              'div',
              { class: 'panel' },
              h(
                'div',
                { class: 'card-head' },
                h('span', { class: 'title' }, `${check.record.type} #${check.record.seq}`),
                check.hashOk ? badge('hash verified', 'ok') : badge('hash does not match', 'bad'),
                h('span', { class: 'muted' }, dateTime(check.record.ts)),
              ),
              h('pre', null, json(check.record)),
            ),
          ),
        ),
  );
};

// ---------------------------------------------------------------- Approvals

/** @param {any} approval */
const approvalCard = (approval) => {
  const note = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'text',
      class: 'note',
      placeholder: 'reason for the agent (optional)',
      'aria-label': 'reason',
    })
  );
  const scopeName = `scope-${approval.id}`;
  const scope = () =>
    /** @type {HTMLInputElement | null} */ (
      card.querySelector(`input[name="${scopeName}"]:checked`)
    )?.value ?? 'once';
  /** @param {'approve' | 'deny'} decision */
  const decide = async (decision) => {
    for (const button of card.querySelectorAll('button')) button.disabled = true;
    try {
      await api(`/api/approvals/${encodeURIComponent(approval.id)}`, {
        method: 'POST',
        body: {
          decision,
          scope: scope(),
          argsHash: approval.argsHash,
          ...(note.value === '' ? {} : { note: note.value }),
        },
      });
      card.remove();
    } catch (error) {
      card.append(h('p', { class: 'bad' }, messageOf(error)));
    }
  };
  const card = h(
    'section',
    { class: 'panel', 'data-approval': approval.id },
    h(
      'div',
      { class: 'card-head' },
      h('span', { class: 'title' }, `${approval.server}/${approval.tool}`),
      badge(`rule ${approval.rule}`, 'warn'),
      h(
        'span',
        { class: 'muted' },
        `id ${approval.id} · asked ${time(approval.createdAt)} · times out ${time(approval.expiresAt)}`,
      ),
    ),
    h('p', null, approval.reason),
    h(
      'p',
      { class: 'muted' },
      `From ${approval.agent === undefined ? 'the agent' : `agent "${approval.agent}"`}${approval.client === undefined ? '' : ` (${approval.client.name} ${approval.client.version})`}`,
      approval.session === undefined
        ? null
        : h(
            'span',
            { 'data-testid': 'approval-session' },
            ' in session ',
            h('code', null, approval.session),
          ),
    ),
    approval.examined.length === 0
      ? null
      : h(
          'div',
          null,
          h('b', null, 'What the policy checked (in full):'),
          h(
            'ul',
            { class: 'examined' },
            ...approval.examined.map((/** @type {any} */ one) =>
              h(
                'li',
                null,
                h('code', null, one.at === '' ? '(the arguments)' : one.at),
                ': ',
                h('code', null, JSON.stringify(one.value)),
                one.reading ? h('span', { class: 'muted' }, ` (${one.reading})`) : null,
              ),
            ),
          ),
        ),
    h('b', null, 'Arguments (in full):'),
    h('pre', { 'data-testid': 'arguments' }, json(approval.args)),
    h('p', { class: 'muted mono' }, `arguments ${approval.argsHash}`),
    h(
      'div',
      { class: 'actions' },
      h(
        'label',
        null,
        h('input', { type: 'radio', name: scopeName, value: 'once', checked: true }),
        ' this call only',
      ),
      h(
        'label',
        null,
        h('input', { type: 'radio', name: scopeName, value: 'session' }),
        ' every call to this tool in this session',
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { class: 'primary', 'data-action': 'approve', click: () => void decide('approve') },
        'Approve',
      ),
      h(
        'button',
        { class: 'danger', 'data-action': 'deny', click: () => void decide('deny') },
        'Deny',
      ),
      note,
    ),
  );
  return card;
};

const renderApprovals = async () => {
  const { approvals } = await api('/api/approvals');
  updateCounts(approvals.length, undefined);
  show(
    h('h1', null, 'Approvals'),
    approvals.length === 0
      ? h(
          'p',
          { class: 'empty', 'data-testid': 'no-approvals' },
          'Nothing waits for your approval.',
        )
      : h('div', { 'data-testid': 'approvals' }, ...approvals.map(approvalCard)),
  );
};

// ---------------------------------------------------------------- Changes

/** @param {any} change */
const changeCard = (change) => {
  const approve = async () => {
    button.disabled = true;
    try {
      await api('/api/changes/approve', {
        method: 'POST',
        body: { server: change.server, tool: change.tool, pendingHash: change.pendingHash },
      });
      card.replaceChildren(
        h(
          'p',
          { class: 'ok' },
          `Approved: ${change.server}/${change.tool} is served again with its new definition.`,
        ),
      );
      void refreshCounts();
    } catch (error) {
      card.append(h('p', { class: 'bad' }, messageOf(error)));
      button.disabled = false;
    }
  };
  const button = /** @type {HTMLButtonElement} */ (
    h(
      'button',
      { class: 'primary', 'data-action': 'approve-change', click: () => void approve() },
      'Approve the new definition',
    )
  );
  const card = h(
    'section',
    { class: 'panel', 'data-change': `${change.server}/${change.tool}` },
    h(
      'div',
      { class: 'card-head' },
      h('span', { class: 'title' }, `${change.server}/${change.tool}`),
      badge('changed since pinned', 'bad'),
      h('span', { class: 'muted' }, `seen ${dateTime(change.seenAt)}`),
    ),
    h(
      'table',
      { class: 'diff' },
      h('tr', null, h('th', null, 'Where'), h('th', null, 'Before (pinned)'), h('th', null, 'Now')),
      ...change.lines.map((/** @type {any} */ line) =>
        h(
          'tr',
          null,
          h('td', { class: 'mono' }, line.path === '' ? '(whole definition)' : line.path),
          h('td', { class: 'mono before' }, line.kind === 'added' ? '—' : (line.before ?? '')),
          h(
            'td',
            { class: 'mono after' },
            line.kind === 'removed' ? '(removed)' : (line.after ?? ''),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      button,
      h(
        'span',
        { class: 'muted' },
        'Until approved, the tool is held back (pinning mode "block").',
      ),
    ),
  );
  return card;
};

const renderChanges = async () => {
  const { changes } = await api('/api/changes');
  updateCounts(undefined, changes.length);
  show(
    h('h1', null, 'Changes'),
    changes.length === 0
      ? h('p', { class: 'empty', 'data-testid': 'no-changes' }, 'Every tool matches its pin.')
      : h('div', { 'data-testid': 'changes' }, ...changes.map(changeCard)),
  );
};

// ---------------------------------------------------------------- Audit

/** @param {any} status */
const auditView = (status) => {
  const verified = status.verified;
  const runVerify = async () => {
    verify.disabled = true;
    verify.textContent = 'Verifying…';
    await api('/api/audit/verify', { method: 'POST', body: {} }).catch(() => undefined);
    void route();
  };
  const verify = /** @type {HTMLButtonElement} */ (
    h('button', { 'data-action': 'verify', click: () => void runVerify() }, 'Verify now')
  );
  if (!status.enabled)
    return [
      h(
        'p',
        { class: 'empty' },
        'The audit log is off in this gateway ("audit": { "enabled": false }).',
      ),
    ];
  return [
    h(
      'div',
      { class: 'panel facts', 'data-testid': 'audit-facts' },
      h('span', null, 'log ', h('b', { class: 'mono' }, status.path)),
      h('span', null, 'files ', h('b', null, status.files)),
      h('span', null, 'size ', h('b', null, size(status.bytes))),
      h('span', null, 'key ', h('b', { class: 'mono' }, status.keyId ?? '(none yet)')),
      h(
        'span',
        null,
        'last checkpoint ',
        h(
          'b',
          null,
          status.checkpoint === undefined
            ? '(none yet)'
            : `seq ${status.checkpoint.seq} at ${dateTime(status.checkpoint.ts)}`,
        ),
      ),
    ),
    h('h2', null, 'Verification'),
    h(
      'div',
      { class: 'panel', 'data-testid': 'verify' },
      verified === undefined
        ? h('p', { class: 'muted' }, 'Not verified yet.')
        : h(
            'div',
            { class: 'card-head' },
            verified.status === 'ok'
              ? badge('chain intact', 'ok')
              : verified.status === 'warnings'
                ? badge('intact, with warnings', 'warn')
                : badge('TAMPERED', 'bad'),
            h('span', null, `${verified.records} records in ${Math.round(verified.ms)} ms`),
            h('span', { class: 'muted' }, `checked ${dateTime(verified.at)}`),
          ),
      ...(verified === undefined
        ? []
        : [
            ...verified.errors.map((/** @type {any} */ e) =>
              h('div', { class: 'bad mono' }, e.message),
            ),
            ...verified.warnings.map((/** @type {any} */ w) =>
              h('div', { class: 'warn mono' }, w.message),
            ),
          ]),
      h('div', { class: 'actions' }, verify),
    ),
    h('h2', null, 'Findings by rule'),
    verified === undefined
      ? h('p', { class: 'empty' }, 'Counted when the log is verified.')
      : verified.findings.length === 0
        ? h('p', { class: 'empty' }, 'No findings in the log.')
        : h(
            'table',
            { 'data-testid': 'findings' },
            h('tr', null, h('th', null, 'Rule'), h('th', null, 'Findings')),
            ...verified.findings.map((/** @type {any} */ f) =>
              h('tr', null, h('td', { class: 'mono' }, f.rule), h('td', null, f.count)),
            ),
          ),
  ];
};

const renderAudit = async () => {
  let status = await api('/api/audit');
  show(h('h1', null, 'Audit'), ...auditView(status));
  if (status.enabled && status.verified === undefined) {
    await api('/api/audit/verify', { method: 'POST', body: {} }).catch(() => undefined);
    status = await api('/api/audit');
    if (currentPage() === 'audit') show(h('h1', null, 'Audit'), ...auditView(status));
  }
};

// ---------------------------------------------------------------- counts, routing, live updates

/** @param {number | undefined} approvals @param {number | undefined} changes */
const updateCounts = (approvals, changes) => {
  for (const [id, count] of /** @type {const} */ ([
    ['approvals-count', approvals],
    ['changes-count', changes],
  ])) {
    if (count === undefined) continue;
    const el = /** @type {HTMLElement} */ (document.getElementById(id));
    el.textContent = String(count);
    el.hidden = count === 0;
  }
};

const refreshCounts = async () => {
  const now = await api('/api/now').catch(() => undefined);
  if (now !== undefined) updateCounts(now.pendingApprovals, now.changes);
};

const currentPage = () => {
  const page = location.hash.replace(/^#\//, '').split('/')[0];
  return page === undefined || page === '' ? 'now' : page;
};

const route = async () => {
  const [page = 'now', id] = location.hash.replace(/^#\//, '').split('/');
  for (const link of document.querySelectorAll('nav a'))
    link.classList.toggle('active', /** @type {HTMLElement} */ (link).dataset.page === page);
  document.body.dataset.ready = '';
  try {
    if (page === 'calls' && id !== undefined) await renderCall(decodeURIComponent(id));
    else if (page === 'calls') await renderCalls();
    else if (page === 'approvals') await renderApprovals();
    else if (page === 'changes') await renderChanges();
    else if (page === 'audit') await renderAudit();
    else await renderNow();
    rendered(page);
  } catch (error) {
    show(h('h1', null, 'Something went wrong'), h('p', { class: 'bad' }, messageOf(error)));
  }
};

const live = () => {
  const indicator = /** @type {HTMLElement} */ (document.getElementById('live'));
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => {
    indicator.textContent = 'live';
    indicator.classList.add('on');
  });
  events.addEventListener('error', () => {
    indicator.textContent = 'reconnecting…';
    indicator.classList.remove('on');
  });
  events.addEventListener('call', (event) => {
    const call = JSON.parse(/** @type {MessageEvent} */ (event).data);
    if (currentPage() !== 'calls' || location.hash.split('/').length > 2) return;
    // Newest first: a call seen for the first time goes to the top.
    const next = new Map([[call.id, call]]);
    for (const [id, known] of shownCalls) if (id !== call.id) next.set(id, known);
    shownCalls = next;
    redrawCalls();
  });
  events.addEventListener('approval', (event) => {
    void refreshCounts();
    if (currentPage() !== 'approvals') return;
    // Cards are added and removed one by one, so a note being typed in another card stays.
    const change = JSON.parse(/** @type {MessageEvent} */ (event).data);
    const list = main.querySelector('[data-testid="approvals"]');
    if (change.type === 'added' && list !== null) list.append(approvalCard(change.approval));
    else if (
      change.type === 'added' ||
      (change.type === 'removed' && main.querySelectorAll('[data-approval]').length <= 1)
    )
      void route();
    else main.querySelector(`[data-approval="${CSS.escape(change.id)}"]`)?.remove();
  });
  events.addEventListener('changes', () => {
    if (currentPage() === 'changes') void route();
    else void refreshCounts();
  });
  events.addEventListener('now', () => {
    if (currentPage() === 'now') void route();
  });
};

window.addEventListener('hashchange', () => void route());
// Sessions and calls per minute change without an event: the Now page refreshes itself.
setInterval(() => {
  if (currentPage() === 'now' && document.visibilityState === 'visible') void route();
}, 10_000);
live();
void route();
