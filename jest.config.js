/* Test projects: unit (node), dom (jsdom, React components) and browser (headless Chromium against
   the built preview). Types are checked once by `tsc --noEmit` in `npm test`, so ts-jest only transpiles. */
const transform = {
  "^.+\\.tsx?$": [
    "ts-jest",
    {
      tsconfig: {
        isolatedModules: true,
        module: "commonjs",
        moduleResolution: "node",
        jsx: "react-jsx",
        esModuleInterop: true,
        resolveJsonModule: true,
        target: "ES2020",
      },
    },
  ],
};

// office-addin-mock pulls ESM-only dependencies through office-addin-manifest's index.
const moduleNameMapper = {
  "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
};

const common = {
  transform,
  moduleNameMapper,
  rootDir: __dirname,
  setupFiles: ["<rootDir>/test/setup/globals.ts"],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/test/browser/"],
    },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
    },
    {
      ...common,
      displayName: "browser",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
    },
  ],
};
