// The demo front end: the same calls the seed's React/Vue client made, with fetch() and
// credentials, each logged with the browser's CORS verdict. No framework, no build step.
(() => {
  "use strict";
  const api = window.DEMO_API;
  const state = { access: null, refresh: null, count: 0 };
  const $ = (id) => document.getElementById(id);
  $("origin").textContent = location.origin;
  $("api").textContent = api;

  // A fetch the browser refuses under CORS rejects with a TypeError and exposes nothing else;
  // any response we can read got past the browser's CORS check.
  async function call(method, path, body, useAccess) {
    const headers = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (useAccess && state.access) headers["Authorization"] = "Bearer " + state.access;
    const row = { n: ++state.count, request: method + " " + path };
    try {
      const response = await fetch(api + path, {
        method, headers, credentials: "include", mode: "cors",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      Object.assign(row, { cors: "allowed", status: response.status, body: text });
      log(row);
      let json = null;
      try { json = JSON.parse(text); } catch (_) { /* not JSON */ }
      return { ok: response.ok, status: response.status, json };
    } catch (error) {
      Object.assign(row, { cors: "blocked", status: "-", body: "blocked by the browser's CORS check (" + error + "); see the console" });
      log(row);
      return { ok: false, status: 0, json: null, blocked: true };
    }
  }

  function log(row) {
    const tr = document.createElement("tr");
    tr.dataset.request = row.request;
    tr.dataset.cors = row.cors;
    tr.dataset.status = String(row.status);
    for (const [value, cls] of [[row.n, ""], [row.request, ""], [row.cors, row.cors], [row.status, ""], [row.body, "body"]]) {
      const td = document.createElement("td");
      td.textContent = String(value);
      if (cls) td.className = cls;
      tr.appendChild(td);
    }
    $("log").appendChild(tr);
  }

  function decodeClaims(token) {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = part + "=".repeat((4 - part.length % 4) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function setTokens(access, refresh) {
    state.access = access;
    if (refresh) state.refresh = refresh;
    const loggedIn = !!state.access;
    for (const id of ["me", "refresh", "logout"]) $(id).disabled = !loggedIn;
    if (!loggedIn) {
      $("claims").textContent = "(none)";
      return;
    }
    const claims = decodeClaims(access);
    $("claims").textContent = JSON.stringify(claims, null, 2);
    $("status").textContent = "Logged in as " + claims.username + " (user_id " + claims.user_id + ").";
  }

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const r = await call("POST", "/api/token/", { username: $("username").value, password: $("password").value });
    if (r.ok) setTokens(r.json.access, r.json.refresh);
    else $("status").textContent = r.blocked ? "Login blocked by CORS." : "Login failed: " + (r.json && r.json.detail);
  });

  $("me").addEventListener("click", async () => {
    const r = await call("GET", "/api/me/", undefined, true);
    if (r.ok) $("status").textContent = "/api/me/ says: " + r.json.username + " (id " + r.json.id + ").";
  });

  $("refresh").addEventListener("click", async () => {
    const r = await call("POST", "/api/token/refresh/", { refresh: state.refresh });
    if (r.ok) setTokens(r.json.access, r.json.refresh);
  });

  $("logout").addEventListener("click", async () => {
    const r = await call("POST", "/api/token/blacklist/", { refresh: state.refresh });
    if (r.ok) {
      state.refresh = null;
      setTokens(null, null);
      $("status").textContent = "Logged out: the refresh token is blacklisted.";
    }
  });
})();
