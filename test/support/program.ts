/**
 * Finds a system program the tests drive (Chromium, LibreOffice): never downloaded, only looked up
 * where its installers put it, with an environment variable for anywhere else.
 */
import { existsSync } from "node:fs";

export interface Program {
  /** What the user knows it as, for the error. */
  name: string;
  /** The variable that names the executable, tried first. */
  envVariable: string;
  /** What the variable may name, e.g. "Chromium, Chrome or Edge". */
  envNames: string;
  /** The Debian package that installs it. */
  debianPackage: string;
  /** Where it is normally installed, in the order tried. */
  candidates: readonly string[];
}

/** The first existing executable of `program`, or an error saying how to install it or name it. */
export function findProgram(program: Program): string {
  const found = [process.env[program.envVariable], ...program.candidates].find(
    (path) => path && existsSync(path),
  );
  if (!found) {
    throw new Error(
      `${program.name} not found: apt-get install -y ${program.debianPackage} (or set ${program.envVariable} to ${program.envNames})`,
    );
  }
  return found;
}
