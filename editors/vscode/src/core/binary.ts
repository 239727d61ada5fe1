// Pure: finding the redline binary, and what to tell the user when it is missing.
import * as path from "node:path";

export interface BinaryLookup {
  found?: string;
  /** Why it was not found, as a message that says how to fix it. */
  error?: string;
}

/**
 * Resolves the binary: the setting `redline.path` when set (a path, or a bare name looked up on
 * PATH), else `redline` on PATH. `isExecutable` is injected so this stays pure.
 */
export function findBinary(
  setting: string | undefined,
  envPath: string | undefined,
  isExecutable: (p: string) => boolean,
  platform: string = process.platform,
): BinaryLookup {
  const configured = setting?.trim();
  const name = configured || "redline";
  const exe = platform === "win32" && !name.toLowerCase().endsWith(".exe") ? [name, name + ".exe"] : [name];
  if (name.includes("/") || name.includes("\\")) {
    for (const candidate of exe) if (isExecutable(candidate)) return { found: candidate };
    return { error: missingMessage(`"redline.path" is set to ${name}, which is not an executable file.`) };
  }
  const dirs = (envPath ?? "").split(platform === "win32" ? ";" : ":").filter((d) => d.length > 0);
  for (const dir of dirs) {
    for (const candidate of exe) {
      const full = path.join(dir, candidate);
      if (isExecutable(full)) return { found: full };
    }
  }
  const where = configured ? `"redline.path" is "${name}", and no such program is on PATH.` : "The `redline` binary is not on PATH.";
  return { error: missingMessage(where) };
}

export function missingMessage(what: string): string {
  return (
    `Redline: cannot start the language server. ${what} ` +
    "Install it with `cargo install --locked --path .` in a redline checkout (or put the binary on PATH), " +
    'or set "redline.path" in Settings to the full path of the `redline` binary, then run "Redline: Restart Server".'
  );
}
