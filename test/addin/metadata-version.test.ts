/**
 * Excel caches functions.json per add-in version for up to a day: when the generated metadata
 * changes, manifest.xml's <Version> must change with it, or users keep the old function list.
 */
import { currentMetadata, readLock } from "../../scripts/metadata";

it("pairs the generated function metadata with the manifest version it ships under", () => {
  const current = currentMetadata();
  const lock = readLock();
  expect(lock).not.toBeNull();
  if (lock!.sha256 !== current.sha256) {
    const what =
      lock!.manifestVersion === current.manifestVersion
        ? `functions.json changed but manifest.xml is still <Version>${current.manifestVersion}</Version>: bump it, rebuild, then run npm run metadata:lock`
        : `functions.json changed with a new manifest version ${current.manifestVersion}: run npm run metadata:lock to record it`;
    throw new Error(what);
  }
  expect(lock!.manifestVersion).toBe(current.manifestVersion);
});
