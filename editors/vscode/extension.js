// The VS Code client: starts `leadscore lsp` (the `leadscore.path` setting, default `leadscore` on
// PATH) for .score and .schema files. Everything else is the server's.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('leadscore').get('path') || 'leadscore';
  const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'leadscore' }],
  };
  client = new LanguageClient('leadscore', 'leadscore', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
