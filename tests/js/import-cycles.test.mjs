// No import cycles in pwa/static/src, and the layering rules of docs/architecture.md:
// merge/ imports neither store/ nor sync/, and store/ imports no framework.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../pwa/static/src");
const IMPORT = /(?:^|[\s;])(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

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
  const order = new Map(), low = new Map(), stack = [], onStack = new Set(), found = [];
  const visit = (node) => {
    order.set(node, index); low.set(node, index); index += 1;
    stack.push(node); onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!order.has(next)) { visit(next); low.set(node, Math.min(low.get(node), low.get(next))); }
      else if (onStack.has(next)) low.set(node, Math.min(low.get(node), order.get(next)));
    }
    if (low.get(node) !== order.get(node)) return;
    const component = [];
    let member;
    do { member = stack.pop(); onStack.delete(member); component.push(member); } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.sort());
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
