// Builds the offline client into pwa/static/dist: the app bundle and stylesheet with
// content-hashed names, an asset map the Flask shell page reads, and the Workbox service
// worker whose precache list holds every asset and the shell page ("/") with revisions.
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { injectManifest } from "workbox-build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const staticDir = path.join(root, "pwa", "static");
const dist = path.join(staticDir, "dist");
const minify = process.env.FELTMAPPE_DEV !== "1";

/** Bundle the app (JS and CSS) with hashed names; return {"app.js": "dist/app-….js", …}. */
async function bundleApp() {
  const result = await esbuild.build({
    entryPoints: { app: path.join(staticDir, "src", "main.jsx") },
    bundle: true, format: "esm", target: ["chrome110", "safari16"], minify, sourcemap: true,
    jsx: "automatic", jsxImportSource: "preact", outdir: dist,
    entryNames: "[name]-[hash]", assetNames: "[name]-[hash]", metafile: true, logLevel: "warning",
    define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version || "0.1.0") },
  });
  const assets = {};
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith(".map") || !info.entryPoint) continue;
    assets[`app${path.extname(file)}`] = path.relative(staticDir, path.join(root, file));
    if (info.cssBundle) assets["app.css"] = path.relative(staticDir, path.join(root, info.cssBundle));
  }
  return assets;
}

/** A short content hash of some files and values, for precache revisions. */
async function revisionOf(files, ...values) {
  const hash = createHash("sha256");
  for (const file of files) hash.update(await readFile(file));
  values.forEach((value) => hash.update(JSON.stringify(value)));
  return hash.digest("hex").slice(0, 20);
}

/** Bundle the service worker and inject the precache manifest. */
async function buildServiceWorker(shellRevision) {
  const manifestRevision = await revisionOf([path.join(staticDir, "manifest.webmanifest")]);
  const source = path.join(dist, "sw.src.js");
  await esbuild.build({
    entryPoints: [path.join(staticDir, "src", "sw.js")], bundle: true, format: "iife",
    target: ["chrome110", "safari16"], minify, outfile: source, logLevel: "warning",
  });
  const { count, size, warnings } = await injectManifest({
    swSrc: source, swDest: path.join(dist, "sw.js"), globDirectory: staticDir,
    globPatterns: ["dist/app-*.{js,css}", "shell.css", "icons/*.png"],
    modifyURLPrefix: { "": "/static/" },
    additionalManifestEntries: [{ url: "/", revision: shellRevision },
      { url: "/manifest.webmanifest", revision: manifestRevision }],
    dontCacheBustURLsMatching: /-[A-Z0-9]{8}\.(js|css)$/,
  });
  warnings.forEach((w) => console.warn(w));
  await rm(source);
  return { count, size };
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const assets = await bundleApp();
const revision = await revisionOf(
  [path.join(root, "pwa", "templates", "shell.html"), path.join(staticDir, "shell.css")], assets);
await writeFile(path.join(dist, "assets.json"), JSON.stringify({ ...assets, shell: revision }, null, 2));
const { count, size } = await buildServiceWorker(revision);
console.log(`built ${Object.values(assets).join(", ")}; service worker precaches ${count} files (${size} bytes)`);
