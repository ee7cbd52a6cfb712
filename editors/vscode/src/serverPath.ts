// Finding the `casebook` binary. Kept free of the `vscode` module so that it can be
// reasoned about (and tested) on its own.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface Found {
  kind: 'found';
  path: string;
  source: ServerSource;
}

export interface NotFound {
  kind: 'not-found';
  /** Every place that was looked at, in order, for the error message. */
  tried: string[];
  /** Set when `casebook.server.path` was given but is unusable. */
  badSetting?: string;
}

export type Discovery = Found | NotFound;

export interface DiscoveryInput {
  /** Raw value of `casebook.server.path` (may be empty). */
  setting: string | null | undefined;
  /** Directory the extension is installed in. */
  extensionPath: string;
  /** First workspace folder, for `${workspaceFolder}` and relative paths. */
  workspaceFolder?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const BINARY = 'casebook';

function exeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${BINARY}.exe` : BINARY;
}

export function isExecutableFile(file: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (platform === 'win32') {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~` and `${workspaceFolder}`, and resolves a relative path against the workspace. */
export function expandSetting(value: string, workspaceFolder?: string): string {
  let p = value.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  if (workspaceFolder) {
    p = p.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (!path.isAbsolute(p) && workspaceFolder && (p.includes('/') || p.includes('\\'))) {
    p = path.resolve(workspaceFolder, p);
  }
  return p;
}

/** Looks `name` up on PATH the way a shell would (PATHEXT on Windows). */
export function whichOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const pathVar = env.PATH ?? env.Path ?? '';
  const sep = platform === 'win32' ? ';' : ':';
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  for (const dir of pathVar.split(sep)) {
    if (!dir) {
      continue;
    }
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutableFile(candidate, platform)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/**
 * Order: the `casebook.server.path` setting, then the binary bundled in the extension
 * (`server/casebook`, present in platform-specific packages), then `casebook` on PATH.
 * A setting that is given but unusable is an error: silently falling back would run a
 * binary the user did not ask for.
 */
export function discoverServer(input: DiscoveryInput): Discovery {
  const env = input.env ?? process.env;
  const platform = input.platform ?? process.platform;
  const tried: string[] = [];

  const raw = (input.setting ?? '').trim();
  if (raw !== '') {
    const expanded = expandSetting(raw, input.workspaceFolder);
    if (!path.isAbsolute(expanded) && !expanded.includes('/') && !expanded.includes('\\')) {
      // A bare command name such as "casebook-dev": look it up on PATH.
      const onPath = whichOnPath(expanded, env, platform);
      if (onPath) {
        return { kind: 'found', path: onPath, source: 'setting' };
      }
    } else if (isExecutableFile(expanded, platform)) {
      return { kind: 'found', path: expanded, source: 'setting' };
    }
    tried.push(`casebook.server.path = ${raw}`);
    return { kind: 'not-found', tried, badSetting: expanded };
  }
  tried.push('casebook.server.path (not set)');

  const bundled = path.join(input.extensionPath, 'server', exeName(platform));
  if (platform !== 'win32' && !isExecutableFile(bundled, platform)) {
    // An unpacker that drops the executable bit must not hide the bundled binary.
    try {
      if (fs.statSync(bundled).isFile()) {
        fs.chmodSync(bundled, 0o755);
      }
    } catch {
      // not bundled (universal package), or read-only: fall through to PATH
    }
  }
  if (isExecutableFile(bundled, platform)) {
    return { kind: 'found', path: bundled, source: 'bundled' };
  }
  tried.push(`bundled binary ${bundled}`);

  const onPath = whichOnPath(BINARY, env, platform);
  if (onPath) {
    return { kind: 'found', path: onPath, source: 'path' };
  }
  tried.push(`\`${BINARY}\` on PATH`);
  return { kind: 'not-found', tried };
}
