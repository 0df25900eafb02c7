// The inspector: reads and changes the simulator through its control plane (/_mock/...), the
// routes a test calls. It keeps no state of its own beyond what is on screen.
// Everything from the server is put on the page as text (never as HTML): a journal holds
// whatever a connector sent.
"use strict";

const POLL_MS = 1000;
const MAX_ROWS = 300; // journal rows kept on screen
const PER_POLL = 50; // a busy connector's newest calls; nobody reads 1,000 rows a second
const TOKEN_KEY = "mockst.controlToken"; // sessionStorage: gone when the tab closes

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// -- the control plane ---------------------------------------------------------------------

class Refused extends Error {
  constructor(status, body) {
    super(errorText(status, body));
    this.status = status;
  }
}

function errorText(status, body) {
  if (body && typeof body === "object") {
    const errors = body.errors ? Object.values(body.errors).flat().join(" ") : "";
    return `${status} ${body.title || ""} ${errors}`.trim();
  }
  return `${status}`;
}

// `read` marks a background read: the journal leaves those out (see JournalMiddleware).
async function call(method, path, body, read = false) {
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (read) headers["X-Mockst-Inspector"] = "read";
  const init = { method, headers, cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (response.status === 401) needToken();
  if (!response.ok) throw new Refused(response.status, data);
  tokenAccepted();
  return data;
}

const get = (path) => call("GET", path, undefined, true);

// The poll and a person's action can both be reading the same view; an answer that left
// before one already shown would put the old state back (a clock unfreezing itself on screen).
const asked = new Map();
const shown = new Map();

async function fresh(view, read) {
  const ticket = (asked.get(view) || 0) + 1;
  asked.set(view, ticket);
  const result = await read();
  if (ticket < (shown.get(view) || 0)) return null;
  shown.set(view, ticket);
  return result;
}

function needToken() {
  $("token-bar").hidden = false;
  if (sessionStorage.getItem(TOKEN_KEY)) $("token-error").textContent = "That token was refused.";
}

function tokenAccepted() {
  if (!$("token-bar").hidden) {
    $("token-bar").hidden = true;
    $("token-error").textContent = "";
  }
}

function say(text, isError = false) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

// Runs a person's action, then refreshes what it changed.
async function act(label, work) {
  try {
    const result = await work();
    say(`${label}: done`);
    await refreshTab();
    return result;
  } catch (error) {
    say(`${label}: ${error.message}`, true);
    return undefined;
  }
}

// -- tabs ----------------------------------------------------------------------------------

let activeTab = "journal";

function showTab(name) {
  activeTab = name;
  for (const button of document.querySelectorAll(".tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === name));
  }
  for (const panel of document.querySelectorAll(".tab")) panel.hidden = panel.id !== `tab-${name}`;
  refreshTab();
}

async function refreshTab() {
  const refresh = { identity: refreshIdentity, clock: refreshClock, faults: refreshFaults,
    data: refreshData }[activeTab];
  try {
    if (refresh) await refresh();
  } catch (error) {
    if (!(error instanceof Refused && error.status === 401)) say(error.message, true);
  }
}

// -- journal -------------------------------------------------------------------------------

const journal = { afterId: 0, rows: new Map(), paused: false, selected: null, filters: "" };

function journalFilters() {
  const form = new FormData($("journal-filters"));
  const params = new URLSearchParams();
  for (const [key, value] of form.entries()) if (String(value).trim()) params.set(key, String(value).trim());
  return params;
}

function restartJournal() {
  journal.afterId = 0;
  journal.rows.clear();
  $("journal").tBodies[0].replaceChildren();
  $("journal-count").textContent = "Waiting for calls…";
}

async function pollJournal() {
  if (journal.paused) return false;
  const params = journalFilters();
  const filters = params.toString();
  if (filters !== journal.filters) {
    journal.filters = filters;
    restartJournal();
  }
  params.set("bodies", "false");
  params.set("limit", String(PER_POLL));
  if (journal.afterId) params.set("afterId", String(journal.afterId));
  const answer = await get(`/_mock/journal?${params}`);
  if (filters !== journal.filters) return false; // the filters changed while this was in flight
  let pending = null;
  for (const entry of answer.entries) {
    showEntry(entry);
    if (entry.status === null && (pending === null || entry.id < pending)) pending = entry.id;
  }
  const newest = answer.entries.length ? answer.entries[answer.entries.length - 1].id : 0;
  // A call still running is asked for again until it has its answer.
  journal.afterId = pending !== null ? pending - 1 : Math.max(journal.afterId, newest);
  const shown = journal.rows.size;
  $("journal-count").textContent = shown
    ? `${shown} call${shown === 1 ? "" : "s"} shown, newest first (journal holds ${answer.size}` +
      `${answer.dropped ? `, ${answer.dropped} dropped` : ""}).`
    : "No calls yet.";
  return answer.entries.some((e) => e.kind !== "control");
}

function statusClass(status) {
  return status ? `s${String(status)[0]}` : "";
}

function note(entry) {
  const notes = [];
  if (entry.refusal) notes.push(el("span", { class: "badge refused", title: "refused" }, `refused: ${entry.refusal}`));
  if (entry.fault) notes.push(el("span", { class: "badge fault" }, faultText(entry.fault)));
  if (entry.error) notes.push(el("span", { class: "badge refused" }, entry.error));
  return notes;
}

function faultText(fault) {
  if (fault.kind === "rate_limit") return `rate limit, retry after ${fault.retryAfter}s`;
  if (fault.kind === "token_rate_limit") return `token throttle, retry after ${fault.retryAfter}s`;
  if (fault.kind === "header_limit") return "header limit";
  const what = fault.kind === "drop" ? "dropped" : fault.kind === "latency"
    ? `+${fault.latencyMs} ms` : `${fault.status}`;
  return `fault #${fault.rule}: ${what}${fault.after ? " after the write" : ""}`;
}

function clockTime(stamp) {
  const match = /T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(stamp || "");
  return match ? match[1] : stamp || "";
}

function showEntry(entry) {
  const row = el("tr", { "data-id": entry.id, class: entry.id === journal.selected ? "selected" : null,
    tabindex: 0, onclick: () => openExchange(entry.id),
    onkeydown: (event) => { if (event.key === "Enter") openExchange(entry.id); } },
    el("td", { title: entry.time }, clockTime(entry.time)),
    el("td", { class: "call" }, `${entry.method} ${entry.path}${entry.query ? `?${entry.query}` : ""}`),
    el("td", { class: `${statusClass(entry.status)}${entry.refusal ? " refused-row" : ""}` },
      entry.status === null ? "…" : entry.status),
    el("td", {}, entry.operationId || (entry.kind === "api" ? "" : entry.kind)),
    el("td", { class: "wide" }, entry.tenantId ?? ""),
    el("td", { class: "wide" }, entry.clientId ?? ""),
    el("td", { class: "wide" }, entry.durationMs ?? ""),
    el("td", {}, note(entry)));
  const body = $("journal").tBodies[0];
  const old = journal.rows.get(entry.id);
  if (old) {
    old.replaceWith(row);
  } else {
    body.prepend(row); // newest first
  }
  journal.rows.set(entry.id, row);
  while (journal.rows.size > MAX_ROWS) {
    const [oldest] = journal.rows.keys();
    journal.rows.get(oldest).remove();
    journal.rows.delete(oldest);
  }
}

function kvTable(object) {
  return el("table", { class: "kv" },
    Object.entries(object || {}).map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", {}, v))));
}

function bodyBlock(part) {
  if (part.body === null || part.body === undefined) return el("p", { class: "hint" }, part.bodySize ? `${part.bodySize} bytes, not kept` : "no body");
  const text = typeof part.body === "string" ? part.body : JSON.stringify(part.body, null, 2);
  return el("div", {}, part.bodyTruncated ? el("p", { class: "hint" }, `first bytes of ${part.bodySize}`) : null,
    el("pre", {}, text));
}

async function openExchange(id) {
  let entry;
  try {
    entry = await get(`/_mock/journal/${id}`);
  } catch (error) {
    say(error.message, true);
    return;
  }
  journal.selected = id;
  for (const row of $("journal").tBodies[0].rows) row.classList.toggle("selected", row.dataset.id === String(id));
  $("exchange-title").textContent = `#${entry.id} ${entry.method} ${entry.path}`;
  const facts = {
    time: entry.time, status: entry.status, "duration (ms)": entry.durationMs, kind: entry.kind,
    operation: entry.operationId, tenant: entry.tenantId, "client id": entry.clientId,
    "app key": entry.appKey,
  };
  if (entry.query) facts.query = entry.query;
  if (entry.token) facts.token = `${entry.token.fingerprint || ""} (expires ${entry.token.expiresAt ?? "?"})`;
  if (entry.issuedToken) facts["issued token"] = entry.issuedToken.fingerprint || "";
  for (const key of Object.keys(facts)) if (facts[key] === null || facts[key] === undefined) delete facts[key];
  $("exchange-body").replaceChildren(...[
    entry.refusal ? el("p", {}, "Refused: ", el("span", { class: "reason", id: "exchange-reason" }, entry.refusal)) : null,
    entry.fault ? el("p", {}, "Fault: ", el("span", { class: "reason" }, faultText(entry.fault))) : null,
    kvTable(facts),
    el("h3", {}, "Request headers"), kvTable(entry.request.headers),
    el("h3", {}, "Request body"), bodyBlock(entry.request),
    el("h3", {}, "Response headers"), kvTable(entry.response.headers),
    el("h3", {}, "Response body"), bodyBlock(entry.response)].filter(Boolean));
  $("exchange").hidden = false;
  document.querySelector(".journal-layout").classList.add("open");
}

function closeExchange() {
  journal.selected = null;
  $("exchange").hidden = true;
  document.querySelector(".journal-layout").classList.remove("open");
  for (const row of $("journal").tBodies[0].rows) row.classList.remove("selected");
}

// -- clock ---------------------------------------------------------------------------------

let clock = null;

async function refreshClock() {
  const read = await fresh("clock", () => get("/_mock/clock"));
  if (read === null) return;
  clock = read;
  const text = clock.now.replace("T", " ").replace(/(\.\d{3})\d*Z$/, "$1Z");
  $("clock-now").textContent = text;
  $("clock-big").textContent = text;
  $("clock-frozen").hidden = !clock.frozen;
  $("clock-big-frozen").hidden = !clock.frozen;
  $("clock-freeze").textContent = clock.frozen ? "Unfreeze" : "Freeze";
}

const advance = (seconds) => act(`Advance ${seconds} s`,
  () => call("POST", "/_mock/clock/advance", { seconds }).then(refreshClock));

// -- identity ------------------------------------------------------------------------------

async function refreshIdentity() {
  const read = await fresh("identity", () => Promise.all([
    get("/_mock/apps"), get("/_mock/tenants"), get("/_mock/connections")]));
  if (read === null) return;
  const [apps, tenants, connections] = read;
  const appNames = new Map(apps.map((a) => [a.id, a.name]));
  $("apps").tBodies[0].replaceChildren(...apps.map((a) => el("tr", {},
    el("td", {}, a.id), el("td", {}, a.name), el("td", { class: "mono" }, a.appKey),
    el("td", {}, a.version),
    el("td", { title: a.scopes.join("\n") }, `${a.scopes.length} scopes`))));
  $("tenants").tBodies[0].replaceChildren(...tenants.map((t) => el("tr", {},
    el("td", {}, t.id), el("td", {}, t.name), el("td", {}, t.environment), el("td", {}, t.timeZone))));
  const focused = document.activeElement && document.activeElement.closest(".connection");
  if (focused && focused.querySelector("input:focus")) return; // don't redraw under a typing person
  $("connections").replaceChildren(...(connections.length
    ? connections.map((c) => connectionCard(c, appNames.get(c.appId)))
    : [el("p", { class: "hint" }, "No connections yet: POST /_mock/quickstart makes one.")]));
}

function connectionCard(c, appName) {
  const path = `/_mock/connections/${encodeURIComponent(c.clientId)}`;
  const restriction = el("input", { type: "number", placeholder: "provider id", "aria-label": "booking provider id",
    value: c.bookingProviderId ?? "" });
  const providerOrNull = () => (restriction.value.trim() ? Number(restriction.value) : null);
  const statusBadge = el("span", { class: `badge ${c.status === "allowed" ? "on" : "off"}`, "data-role": "status" }, c.status);
  return el("div", { class: "connection", "data-client-id": c.clientId },
    el("h3", {}, el("code", {}, c.clientId), statusBadge),
    el("div", { class: "meta" },
      `app ${appName ?? c.appId} · tenant ${c.tenantId} · version ${c.acceptedVersion ?? "none"} of ${c.appVersion}` +
      ` · ${c.bookingProviderId ? `restricted to booking provider ${c.bookingProviderId}` : "not restricted"}`),
    el("div", { class: "actions" },
      c.status !== "allowed" || c.acceptedVersion !== c.appVersion
        ? el("button", { type: "button", onclick: () => act("Allow", async () => {
          const view = await call("POST", `${path}/allow`, { bookingProviderId: providerOrNull() });
          if (view.clientSecret) showSecretOnce(c.clientId, view.clientSecret);
        }) }, c.status === "allowed" ? "Accept new version" : "Allow")
        : null,
      c.status === "disabled"
        ? el("button", { type: "button", onclick: () => act("Enable", () => call("POST", `${path}/enable`)) }, "Enable")
        : el("button", { type: "button", onclick: () => act("Disable", () => call("POST", `${path}/disable`)) }, "Disable"),
      restriction,
      el("button", { type: "button", onclick: () => act("Restrict", () => call("PUT", `${path}/restriction`,
        { bookingProviderId: providerOrNull() })) }, "Set restriction"),
      el("button", { type: "button", onclick: () => act("Generate secret", async () => {
        const made = await call("POST", `${path}/secrets`);
        showSecretOnce(c.clientId, made.clientSecret);
      }) }, "Generate secret")),
    el("table", { class: "grid secrets" },
      el("thead", {}, el("tr", {}, el("th", {}, "secret"), el("th", {}, "prefix"), el("th", {}, "created"),
        el("th", {}, "state"), el("th", {}, ""))),
      el("tbody", {}, c.clientSecrets.map((s) => el("tr", { "data-secret-id": s.id },
        el("td", {}, s.id), el("td", { class: "mono" }, `${s.valuePrefix}…`), el("td", {}, s.createdOn),
        el("td", {}, s.active ? "active" : `deactivated ${s.deactivatedOn ?? ""}`),
        el("td", {}, s.active ? el("button", { type: "button", onclick: () => act("Deactivate secret",
          () => call("POST", `${path}/secrets/${s.id}/deactivate`)) }, "Deactivate") : ""))))));
}

// The only place a secret value is ever shown: the answer to the generate call, kept in this
// element until the person dismisses it, never stored anywhere.
function showSecretOnce(clientId, value) {
  $("secret-once-client").textContent = clientId;
  $("secret-once-value").textContent = value;
  $("secret-once").hidden = false;
}

function dismissSecret() {
  $("secret-once-value").textContent = "";
  $("secret-once").hidden = true;
}

// -- faults --------------------------------------------------------------------------------

async function refreshFaults() {
  const rules = await fresh("faults", () => get("/_mock/faults"));
  if (rules === null) return;
  $("faults-empty").hidden = rules.length > 0;
  $("faults").tBodies[0].replaceChildren(...rules.map((r) => el("tr", { "data-fault-id": r.id },
    el("td", {}, r.id),
    el("td", {}, [r.method, r.operation || r.path || "every call", r.tenant ? `tenant ${r.tenant}` : ""].filter(Boolean).join(" ")),
    el("td", {}, r.nth ? `every ${r.nth}th` : r.first ? `first ${r.first}` : r.probability !== undefined
      ? `p=${r.probability}` : "always", r.times ? `, ${r.times} times` : ""),
    el("td", {}, [r.status, r.retryAfter !== undefined ? `Retry-After ${r.retryAfter}` : "",
      r.latency ? `latency ${JSON.stringify(r.latency)}` : "", r.drop ? "drop" : "", r.after ? "after the write" : ""]
      .filter(Boolean).join(", ")),
    el("td", { "data-role": "seen" }, r.seen),
    el("td", { "data-role": "hits" }, r.hits),
    el("td", {}, el("button", { type: "button", onclick: () => act(`Remove fault ${r.id}`,
      () => call("DELETE", `/_mock/faults/${r.id}`)) }, "Remove")))));
}

function faultFromForm(form) {
  const data = new FormData(form);
  const text = (name) => String(data.get(name) || "").trim();
  const rule = {};
  if (text("operation")) rule.operation = text("operation");
  if (text("path")) rule.path = text("path");
  if (text("method")) rule.method = text("method");
  if (text("tenant")) rule.tenant = Number(text("tenant"));
  if (text("trigger")) rule[text("trigger")] = Number(text("triggerValue"));
  if (text("status")) rule.status = Number(text("status"));
  if (text("retryAfter")) rule.retryAfter = Number(text("retryAfter"));
  if (text("latency")) rule.latency = Number(text("latency"));
  if (data.get("drop")) rule.drop = true;
  return rule;
}

// -- tenant data ---------------------------------------------------------------------------

const data = { tenant: null, table: null };

async function refreshData() {
  const tenants = await get("/_mock/tenants");
  const select = $("data-tenant");
  const chosen = select.value || data.tenant;
  select.replaceChildren(...tenants.map((t) => el("option", { value: t.id }, `${t.id} ${t.name}`)));
  if (chosen && tenants.some((t) => String(t.id) === String(chosen))) select.value = chosen;
  data.tenant = select.value || null;
  $("reset-tenant").disabled = !data.tenant;
  if (!data.tenant) {
    $("data-tables").tBodies[0].replaceChildren();
    $("data-rows").replaceChildren();
    return;
  }
  const counts = await get(`/_mock/tenants/${data.tenant}/tables`);
  $("data-empty").hidden = counts.tables.length > 0;
  $("data-tables").tBodies[0].replaceChildren(...counts.tables.map((t) => el("tr", {
    "data-table": t.table, class: t.table === data.table ? "selected" : null,
    onclick: () => { data.table = t.table; refreshData(); } },
  el("td", {}, t.table), el("td", {}, t.rows), el("td", {}, t.deleted))));
  if (data.table && counts.tables.some((t) => t.table === data.table)) {
    const latest = await get(`/_mock/tenants/${data.tenant}/tables/${encodeURIComponent(data.table)}?limit=20`);
    $("data-rows").replaceChildren(el("h2", {}, `${latest.table}: the ${latest.rows.length} last changed of ${latest.total}`),
      ...latest.rows.map((r) => el("details", {}, el("summary", {},
        `${r.id}${r.data.name ? ` ${r.data.name}` : ""} · ${r.changedOn}${r.deleted ? " · deleted" : ""}`),
      el("pre", {}, JSON.stringify(r.data, null, 2)))));
  } else {
    $("data-rows").replaceChildren();
  }
}

let resetting = null;

function askReset(kind) {
  resetting = kind;
  $("reset-confirm-text").textContent = kind === "all"
    ? "Forget every app, tenant, connection, secret and row? Tokens stop working. The clock stays."
    : `Forget every row of tenant ${data.tenant}? Its apps, connections and secrets stay.`;
  $("reset-confirm").hidden = false;
}

async function confirmReset() {
  const kind = resetting;
  $("reset-confirm").hidden = true;
  resetting = null;
  if (kind === "all") await act("Reset everything", () => call("POST", "/_mock/reset"));
  else if (kind === "tenant") await act(`Reset tenant ${data.tenant}`, () => call("POST", `/_mock/tenants/${data.tenant}/reset`));
}

// -- wiring --------------------------------------------------------------------------------

async function tick() {
  try {
    const changed = await pollJournal();
    await refreshClock();
    // Hit counts, secrets and rows change with the connector's calls: follow them.
    if (changed && activeTab !== "journal") await refreshTab();
  } catch (error) {
    if (!(error instanceof Refused && error.status === 401)) say(`Cannot reach the simulator: ${error.message}`, true);
  } finally {
    setTimeout(tick, POLL_MS);
  }
}

function wire() {
  for (const button of document.querySelectorAll(".tabs button")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token-input").value.trim());
    $("token-input").value = "";
    $("token-error").textContent = "";
    refreshTab();
  });
  $("journal-filters").addEventListener("submit", (event) => event.preventDefault());
  let typing = null; // a filter applies a moment after the last keystroke, not at the next poll
  $("journal-filters").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => pollJournal().catch(() => {}), 250);
  });
  $("journal-pause").addEventListener("click", () => {
    journal.paused = !journal.paused;
    $("journal-pause").textContent = journal.paused ? "Resume" : "Pause";
    $("journal-pause").setAttribute("aria-pressed", String(journal.paused));
  });
  $("journal-clear-view").addEventListener("click", () => {
    const newest = Math.max(journal.afterId, ...journal.rows.keys());
    restartJournal();
    journal.afterId = newest; // only calls from now on
  });
  $("exchange-close").addEventListener("click", closeExchange);
  for (const button of document.querySelectorAll("[data-advance]")) {
    button.addEventListener("click", () => advance(Number(button.dataset.advance)));
  }
  $("clock-advance").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    advance(Number(form.get("amount")) * Number(form.get("unit")));
  });
  $("clock-freeze").addEventListener("click", () => act(clock && clock.frozen ? "Unfreeze" : "Freeze",
    () => call("PUT", "/_mock/clock", { frozen: !(clock && clock.frozen) }).then(refreshClock)));
  $("secret-once-done").addEventListener("click", dismissSecret);
  $("faults-clear").addEventListener("click", () => act("Clear faults", () => call("DELETE", "/_mock/faults")));
  $("fault-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("fault-error").textContent = "";
    try {
      await call("POST", "/_mock/faults", faultFromForm(event.target));
      say("Fault rule added");
      await refreshFaults();
    } catch (error) {
      $("fault-error").textContent = error.message;
    }
  });
  $("data-tenant").addEventListener("change", () => { data.tenant = $("data-tenant").value; data.table = null; refreshData(); });
  $("reset-tenant").addEventListener("click", () => askReset("tenant"));
  $("reset-all").addEventListener("click", () => askReset("all"));
  $("reset-confirm-yes").addEventListener("click", confirmReset);
  $("reset-confirm-no").addEventListener("click", () => { $("reset-confirm").hidden = true; resetting = null; });
  tick();
}

document.addEventListener("DOMContentLoaded", wire);
