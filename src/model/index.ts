/** The model layer: pure supply math and lookups over the reference data. No Office, no React. */
export * from "./balance";
export * from "./checks";
export * from "./concentration";
export * from "./conversions";
export * from "./defaults";
export * from "./errors";
export * from "./float";
export * from "./gap";
export * from "./spill";
export * from "./growth";
export * from "./lookups";
export * from "./lookupCalls";
export * from "./names";
export * from "./scenario";
export * from "./series";
export * from "./trade";
export * from "./units";
