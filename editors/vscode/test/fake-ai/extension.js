// Test-only stand-in for an AI completion extension: when the text before the cursor ends
// with "fn verify_", it offers the rest of an auth function as an inline completion.
const vscode = require("vscode");

const COMPLETION = 'token(token: &str) -> bool {\n    !token.is_empty() && token == "s3cret-token"\n}\n';

function activate(context) {
  const provider = {
    provideInlineCompletionItems(document, position) {
      const before = document.lineAt(position.line).text.slice(0, position.character);
      if (!before.endsWith("fn verify_")) return [];
      return [new vscode.InlineCompletionItem(COMPLETION, new vscode.Range(position, position))];
    },
  };
  context.subscriptions.push(
    vscode.languages.registerInlineCompletionItemProvider({ language: "rust" }, provider),
  );
}

module.exports = { activate, deactivate() {} };
