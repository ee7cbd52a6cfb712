import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { discoverServer } from './serverPath';

const CLIENT_ID = 'casebook';
const CLIENT_NAME = 'Casebook';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let extensionContext: vscode.ExtensionContext;
/** Serialises start/stop/restart so that quick repeated commands cannot race. */
let queue: Promise<void> = Promise.resolve();

function enqueue(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task).catch((err) => {
    output.appendLine(`[casebook] ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  });
  return queue;
}

function firstWorkspaceFolder(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

async function startClient(): Promise<void> {
  const config = vscode.workspace.getConfiguration('casebook');
  const found = discoverServer({
    setting: config.get<string | null>('server.path'),
    extensionPath: extensionContext.extensionPath,
    workspaceFolder: firstWorkspaceFolder(),
  });

  if (found.kind === 'not-found') {
    const message = found.badSetting
      ? `Casebook: the setting casebook.server.path points to "${found.badSetting}", which is not an executable file. ` +
        'Fix the path (or clear the setting to use the bundled binary or `casebook` on PATH), then run "Casebook: Restart server".'
      : 'Casebook: could not find the `casebook` language server. ' +
        'Install it so that `casebook` is on your PATH (for example `cargo install --path .` in a clone of the Casebook repository), ' +
        'or set casebook.server.path to the binary, then run "Casebook: Restart server".';
    output.appendLine(message);
    output.appendLine(`Looked in: ${found.tried.join('; ')}`);
    void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'casebook.server.path');
      } else if (choice === 'Show Output') {
        output.show(true);
      }
    });
    return;
  }

  output.appendLine(`[casebook] starting ${found.path} serve (found via ${found.source})`);
  const serverOptions: ServerOptions = {
    command: found.path,
    args: ['serve'],
    // vscode-languageclient appends `--stdio`; `casebook serve` accepts and ignores it.
    transport: TransportKind.stdio,
    options: { cwd: firstWorkspaceFolder() },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      // Sends workspace/didChangeConfiguration with the `casebook` section when it changes;
      // the server also pulls it with workspace/configuration.
      configurationSection: 'casebook',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/casebook.toml'),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };

  const next = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
  } catch (err) {
    client = undefined;
    const detail = err instanceof Error ? err.message : String(err);
    output.appendLine(`[casebook] the server failed to start: ${detail}`);
    void vscode.window
      .showErrorMessage(`Casebook: the server at ${found.path} failed to start (${detail}).`, 'Show Output')
      .then((choice) => {
        if (choice === 'Show Output') {
          output.show(true);
        }
      });
  }
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) {
    try {
      await current.stop(5000);
    } catch (err) {
      output.appendLine(`[casebook] error while stopping the server: ${String(err)}`);
    }
    await current.dispose().catch(() => undefined);
  }
}

function restart(): Promise<void> {
  return enqueue(async () => {
    output.appendLine('[casebook] restarting the server');
    await stopClient();
    await startClient();
  });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('casebook.restartServer', () => restart()),
    vscode.commands.registerCommand('casebook.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('casebook.server.path')) {
        void restart();
      }
    }),
  );

  await enqueue(startClient);
}

export function deactivate(): Promise<void> {
  return enqueue(stopClient);
}
