// Records which function metadata each manifest <Version> shipped with. Excel caches functions.json
// per add-in version for up to a day, so changed metadata under an unchanged version reaches users
// late or never. Run after `npm run build` when functions change: npm run metadata:lock
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { currentMetadata, LOCK_FILE, readLock } from "./metadata";

const current = currentMetadata();
const lock = readLock();
if (lock && lock.sha256 !== current.sha256 && lock.manifestVersion === current.manifestVersion) {
  console.error(
    `functions.json changed since ${lock.manifestVersion} was recorded: bump <Version> in manifest.xml first (e.g. 1.0.0.0 -> 1.0.1.0), rebuild, then run this again.`,
  );
  process.exit(1);
}
writeFileSync(join(__dirname, "..", LOCK_FILE), JSON.stringify(current, null, 2) + "\n");
console.log(
  `${LOCK_FILE}: manifest ${current.manifestVersion}, functions.json ${current.sha256.slice(0, 12)}`,
);
