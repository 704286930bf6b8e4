/**
 * The Office requirement sets the insert actions need, checked with isSetSupported so the pane can
 * say plainly what this Excel cannot do instead of failing halfway.
 */

interface Requirement {
  set: string;
  version: string;
  /** What stops working without it. */
  needs: string;
}

/** Without these no insert can run: the target check, names and the Sources list need them. */
export const REQUIRED: Requirement = {
  set: "ExcelApi",
  version: "1.4",
  needs: "checking that the target cells are empty, named inputs and the Sources list",
};

const OPTIONAL: readonly Requirement[] = [
  { set: "ExcelApi", version: "1.7", needs: "the model sheet's chart series and year labels" },
  {
    set: "CustomFunctionsRuntime",
    version: "1.1",
    needs: "the REE functions, so live =REE.FACT() formulas and the model sheet would show #NAME?",
  },
];

export function isSupported(requirement: Pick<Requirement, "set" | "version">): boolean {
  if (typeof Office === "undefined") return false;
  return (
    Office.context?.requirements?.isSetSupported(requirement.set, requirement.version) === true
  );
}

export function missingMessage(requirement: Requirement): string {
  return `This version of Excel does not support ${requirement.set} ${requirement.version}, needed for ${requirement.needs}. Update Excel, or use Excel on the web.`;
}

/** One readable message per missing requirement set; empty when everything is supported. */
export function checkRequirements(): string[] {
  return [REQUIRED, ...OPTIONAL]
    .filter((requirement) => !isSupported(requirement))
    .map(missingMessage);
}
