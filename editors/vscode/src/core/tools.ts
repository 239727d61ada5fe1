// Pure: which AI tool most likely produced an edit, from what the editor lets an extension see.

/** Extensions that provide inline completions, by id (lower case), and the tool name redline records. */
export const INLINE_COMPLETION_EXTENSIONS: Record<string, string> = {
  "github.copilot": "copilot",
  "github.copilot-chat": "copilot",
  "continue.continue": "continue",
  "codeium.codeium": "codeium",
  "supermaven.supermaven": "supermaven",
  "tabnine.tabnine-vscode": "tabnine",
  "amazonwebservices.amazon-q-vscode": "amazon-q",
  "sourcegraph.cody-ai": "cody",
  "google.geminicodeassist": "gemini",
};

/** Extensions that edit files from a chat or as an agent. */
export const CHAT_EXTENSIONS: Record<string, string> = {
  "github.copilot-chat": "copilot",
  "anthropic.claude-code": "claude-code",
  "openai.chatgpt": "codex",
  "saoudrizwan.claude-dev": "cline",
  "rooveterans.roo-cline": "roo-code",
  "continue.continue": "continue",
  "google.geminicodeassist": "gemini",
  "amazonwebservices.amazon-q-vscode": "amazon-q",
  "sourcegraph.cody-ai": "cody",
};

/** Editors that are themselves an AI tool, by `vscode.env.appName`. */
const AI_EDITORS: Array<[RegExp, string]> = [
  [/^cursor/i, "cursor"],
  [/^windsurf/i, "windsurf"],
  [/^trae/i, "trae"],
];

/**
 * The tool name for an edit: the user's setting when given; else the AI editor itself; else
 * the one known AI extension that is active; else "unknown" (several active, or none known).
 */
export function guessTool(
  override: string | undefined,
  appName: string,
  activeExtensionIds: string[],
  known: Record<string, string>,
): string {
  if (override && override.trim()) return override.trim();
  for (const [re, name] of AI_EDITORS) if (re.test(appName)) return name;
  const names = new Set<string>();
  for (const id of activeExtensionIds) {
    const name = known[id.toLowerCase()];
    if (name) names.add(name);
  }
  return names.size === 1 ? [...names][0] : "unknown";
}
