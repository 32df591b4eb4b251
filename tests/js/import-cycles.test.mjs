// No import cycles in pwa/static/src, and the layering rules of docs/architecture.md:
// merge/ imports only merge/; store/ imports neither sync/ nor ui/ nor a framework, and
// reaches the server only through net/serverLogin.js (the session's login and logout).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../pwa/static/src");
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every .js/.jsx file under a folder. */
function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.jsx?$/.test(name) ? [path] : [];
  });
}

/** The specifiers a module imports (static, re-exports and dynamic). */
function specifiers(path) {
  const source = readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

/** Every specifier (local ones resolved relative to src) each module imports. */
function allImports() {
  return files(SRC).map((path) => ({
    from: relative(SRC, path),
    to: specifiers(path).map((s) =>
      s.startsWith(".") ? relative(SRC, resolve(dirname(path), s)) : s,
    ),
  }));
}

/** The imports of modules in `folder` that `allowed` refuses, as "from → to". */
function refused(folder, allowed) {
  return allImports()
    .filter(({ from }) => from.startsWith(`${folder}/`))
    .flatMap(({ from, to }) => to.filter((t) => !allowed(t)).map((t) => `${from} → ${t}`));
}

/** The import graph: module (relative to src) → the local modules it imports. */
function graph() {
  const edges = new Map();
  for (const path of files(SRC)) {
    const local = specifiers(path)
      .filter((s) => s.startsWith("."))
      .map((s) => relative(SRC, resolve(dirname(path), s)));
    edges.set(relative(SRC, path), local);
  }
  return edges;
}

/** Tarjan's strongly connected components with more than one module (or a self-import). */
function cycles(edges) {
  let index = 0;
  const order = new Map(),
    low = new Map(),
    stack = [],
    onStack = new Set(),
    found = [];
  const visit = (node) => {
    order.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), order.get(next)));
    }
    if (low.get(node) !== order.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node))
      found.push(component.sort());
  };
  for (const node of edges.keys()) if (!order.has(node)) visit(node);
  return found;
}

test("every local import resolves to a module", () => {
  const edges = graph();
  const missing = [...edges].flatMap(([from, tos]) =>
    tos.filter((to) => !edges.has(to) && !existsSync(join(SRC, to))).map((to) => `${from} → ${to}`),
  );
  assert.deepEqual(missing, []);
});

test("no import cycles in pwa/static/src", () => {
  assert.deepEqual(cycles(graph()), []);
});

test("merge/ is pure: it imports only merge/", () => {
  assert.deepEqual(
    refused("merge", (to) => to.startsWith("merge/")),
    [],
  );
});

test("store/ imports neither sync/, ui/, a framework nor the network", () => {
  const allowed = (to) =>
    !/^(sync|ui)\//.test(to) &&
    !to.startsWith("preact") &&
    to !== "transport.js" &&
    (!to.startsWith("net/") || to === "net/serverLogin.js");
  assert.deepEqual(refused("store", allowed), []);
});
