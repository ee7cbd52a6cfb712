#!/usr/bin/env node
// Builds the .vsix with @vscode/vsce, offline (dependencies are bundled by esbuild).
// With server/casebook present (see scripts/copy-server.mjs) the package is
// platform-specific (`--target`, like Harper and typos-vscode do); without it, universal,
// and the extension then uses casebook.server.path or `casebook` on PATH.
//
//   npm run package                       # casebook[-TARGET]-VERSION.vsix
//   npm run package -- --target linux-arm64 --out my.vsix
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(extRoot, 'package.json'), 'utf8'));

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function currentTarget() {
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch];
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  if (!arch || !platform) {
    return undefined;
  }
  if (platform === 'linux') {
    // musl-based Linux (Alpine) has its own targets.
    const report = process.report?.getReport?.();
    const glibc = report?.header?.glibcVersionRuntime;
    if (!glibc && (arch === 'x64' || arch === 'arm64')) {
      return `alpine-${arch}`;
    }
  }
  return `${platform}-${arch}`;
}

const bundled = ['casebook', 'casebook.exe'].some((f) => fs.existsSync(path.join(extRoot, 'server', f)));
const target = option('--target') ?? (bundled ? currentTarget() : undefined);
const out = option('--out') ?? `${pkg.name}${target ? `-${target}` : ''}-${pkg.version}.vsix`;

if (!fs.existsSync(path.join(extRoot, 'dist', 'extension.js'))) {
  console.error('package: dist/extension.js is missing; run `npm run build` first.');
  process.exit(1);
}

const vsce = path.join(extRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
const args = ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out];
if (target) {
  args.push('--target', target);
}
console.log(`vsce ${args.join(' ')}${bundled ? ' (with bundled server/)' : ' (universal: no bundled server)'}`);
const r = spawnSync(vsce, args, { cwd: extRoot, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
