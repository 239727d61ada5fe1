// Test-only stand-in for AI extensions, for redline's end-to-end test:
// - an inline completion provider: when the text before the cursor ends with "fn verify_", it
//   offers the rest of an auth function (like Copilot's ghost text);
// - a command "Fake AI: Apply Chat Edit" that inserts a function at the end of the active file
//   with a WorkspaceEdit, the way chat and agent extensions apply their edits;
// - a command that switches redline to heuristic mode through the configuration API.
const vscode = require("vscode");

const COMPLETION = 'token(token: &str) -> bool {\n    !token.is_empty() && token == "s3cret-token"\n}\n';
const CHAT_EDIT =
  '\npub fn authorize_admin(user: &User) -> bool {\n    user.roles.contains(&"admin".to_string())\n}\n';

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
    vscode.commands.registerCommand("fakeAi.applyChatEdit", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const doc = editor.document;
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, end, CHAT_EDIT);
      await vscode.workspace.applyEdit(edit);
    }),
    // Changes the setting the way the Settings editor does (the settings file on disk is not
    // watched reliably in code-server).
    vscode.commands.registerCommand("fakeAi.useHeuristicMode", () =>
      vscode.workspace.getConfiguration("redline").update("aiEditReporting", "heuristic", vscode.ConfigurationTarget.Global),
    ),
  );
}

module.exports = { activate, deactivate() {} };
