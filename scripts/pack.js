#!/usr/bin/env node
// Writes the installable `autogen` tarball: packages/cli with the @autogen/* workspace packages
// it uses bundled inside (npm's bundleDependencies), so a project installs it with one
// `npm install <tarball>` and nothing unpublished is fetched. The bundled packages keep their
// own folders and package.json files, so every require, relative path and .d.ts import works as
// it does in the monorepo. Their external dependencies and peers are declared on the tarball's
// package.json, where npm installs them for the project. Usage: node scripts/pack.js [OUT_DIR]
// (default packed/), after a build. Prints the tarball's path.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const outDir = path.resolve(process.argv[2] ?? path.join(root, "packed"));
const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

/** Workspace package name -> its folder. */
const workspaces = new Map(
  readJson(path.join(root, "package.json")).workspaces.map((dir) => {
    const abs = path.join(root, dir);
    return [readJson(path.join(abs, "package.json")).name, abs];
  }),
);

const cli = readJson(path.join(root, "packages", "cli", "package.json"));
const bundled = internalClosure(cli);
const stage = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-pack-"));
try {
  copyPackage(workspaces.get(cli.name), stage);
  for (const name of bundled) copyPackage(workspaces.get(name), path.join(stage, "node_modules", name));
  fs.writeFileSync(path.join(stage, "package.json"), JSON.stringify(shippedManifest(cli, bundled), null, 2) + "\n");
  fs.mkdirSync(outDir, { recursive: true });
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", outDir], { cwd: stage, encoding: "utf8" }),
  );
  console.log(path.join(outDir, packed.filename));
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}

/** The workspace packages `manifest` needs at run time, directly or through each other. */
function internalClosure(manifest) {
  const found = new Set();
  const visit = (m) => {
    for (const name of Object.keys(m.dependencies ?? {})) {
      if (!workspaces.has(name) || found.has(name)) continue;
      found.add(name);
      visit(readJson(path.join(workspaces.get(name), "package.json")));
    }
  };
  visit(manifest);
  return [...found].sort();
}

/** Copies package.json and what `files` lists (npm's rule for what a package ships). */
function copyPackage(from, to) {
  const manifest = readJson(path.join(from, "package.json"));
  if (!manifest.files) throw new Error(`${from}/package.json has no "files": say what it ships`);
  fs.mkdirSync(to, { recursive: true });
  for (const entry of ["package.json", "README.md", ...manifest.files]) {
    const source = path.join(from, entry);
    if (!fs.existsSync(source)) {
      if (entry === "README.md") continue;
      throw new Error(`${source} does not exist: run npm run build first`);
    }
    fs.cpSync(source, path.join(to, entry), { recursive: true });
  }
}

/**
 * autogen's package.json as shipped: the bundled packages listed in bundleDependencies, and
 * their external dependencies and peers declared here (bundled packages are not installed by
 * npm, so what they need must be asked for by the package that is).
 */
function shippedManifest(manifest, names) {
  const { devDependencies: _dev, scripts: _scripts, ...shipped } = manifest;
  const dependencies = { ...manifest.dependencies };
  const peerDependencies = { ...manifest.peerDependencies };
  const peerDependenciesMeta = { ...manifest.peerDependenciesMeta };
  for (const name of names) {
    const m = readJson(path.join(workspaces.get(name), "package.json"));
    for (const [dep, range] of Object.entries(m.dependencies ?? {})) {
      if (!workspaces.has(dep)) declare(dependencies, dep, range, name);
    }
    for (const [dep, range] of Object.entries(m.peerDependencies ?? {})) declare(peerDependencies, dep, range, name);
    Object.assign(peerDependenciesMeta, m.peerDependenciesMeta);
  }
  return {
    ...shipped,
    dependencies,
    ...(Object.keys(peerDependencies).length > 0 && { peerDependencies }),
    ...(Object.keys(peerDependenciesMeta).length > 0 && { peerDependenciesMeta }),
    bundleDependencies: names,
  };
}

/** Adds `dep@range` to `deps`; two packages asking for different ranges is a mistake to fix. */
function declare(deps, dep, range, by) {
  if (deps[dep] !== undefined && deps[dep] !== range) {
    throw new Error(`${by} wants ${dep}@${range} but autogen already declares ${dep}@${deps[dep]}: align them`);
  }
  deps[dep] = range;
}
