#!/usr/bin/env node
// Copies a built `casebook` binary into server/ so that `npm run package` makes a
// platform-specific .vsix that works without anything on PATH.
//
//   node scripts/copy-server.mjs                 # ../../target/release/casebook
//   node scripts/copy-server.mjs path/to/casebook
//   CASEBOOK_BIN=path/to/casebook node scripts/copy-server.mjs
//   node scripts/copy-server.mjs --clean         # remove server/ (universal .vsix)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extRoot = path.resolve(here, '..');
const repoRoot = path.resolve(extRoot, '..', '..');
const exe = process.platform === 'win32' ? 'casebook.exe' : 'casebook';
const serverDir = path.join(extRoot, 'server');

const args = process.argv.slice(2);
if (args.includes('--clean')) {
  fs.rmSync(serverDir, { recursive: true, force: true });
  console.log(`removed ${serverDir}`);
  process.exit(0);
}

const source = path.resolve(args[0] ?? process.env.CASEBOOK_BIN ?? path.join(repoRoot, 'target', 'release', exe));
if (!fs.existsSync(source) || !fs.statSync(source).isFile()) {
  console.error(`copy-server: no binary at ${source}.`);
  console.error('Build it first with `cargo build --release` at the repository root, or pass its path.');
  process.exit(1);
}
fs.mkdirSync(serverDir, { recursive: true });
const dest = path.join(serverDir, exe);
fs.copyFileSync(source, dest);
fs.chmodSync(dest, 0o755);
console.log(`copied ${source} -> ${dest}`);
