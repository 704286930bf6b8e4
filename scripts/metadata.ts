// The function metadata a build produced, and the version lock that pairs it with manifest.xml.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");
export const LOCK_FILE = "functions-metadata.lock.json";

export interface MetadataLock {
  manifestVersion: string;
  sha256: string;
}

/** Help links depend on where the add-in is deployed, not on what the functions are. */
function withoutHost(metadata: unknown): string {
  return JSON.stringify(metadata).replace(/https:\/\/[^"/]+(\/[^"]*)?\/help\//g, "/help/");
}

export function currentMetadata(): MetadataLock {
  const file = join(root, "dist", "functions.json");
  if (!existsSync(file))
    throw new Error("dist/functions.json is missing: run `npm run build` first.");
  const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
  const version = /<Version>([^<]+)<\/Version>/.exec(manifest)?.[1];
  if (!version) throw new Error("manifest.xml has no <Version>.");
  const metadata = JSON.parse(readFileSync(file, "utf8"));
  return {
    manifestVersion: version,
    sha256: createHash("sha256").update(withoutHost(metadata)).digest("hex"),
  };
}

export function readLock(): MetadataLock | null {
  const file = join(root, LOCK_FILE);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}
