// The least a server speaking PROTOCOL.md's sync must do, in Node and memory: log in, take a
// push (gzip bodies too) and answer each change `applied` with its record envelope, serve the
// feed in pages by checkpoint, gzip answers over 1 KB as ours does (push answers at level 4,
// pull pages at 2). No validation, no storage, no durability, no auth: a floor, not a server.
// Usage: node stub_server.mjs PORT   (prints "stub on http://127.0.0.1:PORT" when listening)
import http from "node:http";
import zlib from "node:zlib";

const teams = new Map(); // token → {records: id → envelope, log: ids in feed order, at: id → its last place}

function team(token) {
  if (!teams.has(token)) teams.set(token, { records: new Map(), log: [], at: new Map() });
  return teams.get(token);
}

function push(state, { changes }) {
  const now = new Date().toISOString();
  const results = changes.map((c) => {
    const rev = (state.records.get(c.id)?.rev || 0) + 1;
    const record = { type: c.type, id: c.id, rev, deleted: c.op === "delete", data: c.data,
      team_id: "t", created_at: now, created_by: "u", updated_at: now, updated_by: "u" };
    state.records.set(c.id, record);
    return { mutation_id: c.mutation_id, id: c.id, status: "applied", rev, record };
  });
  for (const c of changes) state.at.set(c.id, state.log.push(c.id) - 1);
  return results;
}

function pull(state, since, limit) {
  const page = [];
  let i = since;
  for (; i < state.log.length && page.length < limit; i += 1)
    if (state.at.get(state.log[i]) === i) page.push(state.records.get(state.log[i]));
  return { changes: page, checkpoint: String(i), has_more: i < state.log.length };
}

function answer(req, res, body, level) {
  let bytes = Buffer.from(JSON.stringify(body));
  const headers = { "content-type": "application/json" };
  if (bytes.length > 1024 && /gzip/.test(req.headers["accept-encoding"] || "")) {
    bytes = zlib.gzipSync(bytes, { level });
    headers["content-encoding"] = "gzip";
    headers.vary = "Accept-Encoding";
  }
  res.writeHead(200, headers);
  res.end(bytes);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    let raw = Buffer.concat(chunks);
    if (req.headers["content-encoding"] === "gzip") raw = zlib.gunzipSync(raw);
    const url = new URL(req.url, "http://stub");
    const token = (req.headers.authorization || "").slice(7);
    if (url.pathname === "/healthz") return answer(req, res, { status: "ok" }, 4);
    if (url.pathname === "/api/v1/auth/login")
      return answer(req, res, { token: JSON.parse(raw).username.padEnd(40, "-") }, 4);
    if (url.pathname === "/api/v1/sync/push")
      return answer(req, res, { results: push(team(token), JSON.parse(raw)) }, 4);
    if (url.pathname === "/api/v1/sync/pull") {
      const since = Number(url.searchParams.get("since") || 0);
      return answer(req, res, pull(team(token), since, Number(url.searchParams.get("limit"))), 2);
    }
    res.writeHead(404).end();
  });
});
server.listen(Number(process.argv[2] || 0), "127.0.0.1", () =>
  console.log(`stub on http://127.0.0.1:${server.address().port}`));
