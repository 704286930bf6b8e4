import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

// The plugin's recommended block matches only .js/.ts files: re-apply the same plugins, parser and
// rules to .tsx so React components are linted by the same Office add-in rules.
const base = officeAddins.configs.react;
const scripted = base.find(
  (block) => block.rules && block.rules["office-addins/call-sync-after-load"],
);

export default [
  {
    ignores: [
      "dist/",
      "dist-preview/",
      "dist-baseline/",
      "coverage/",
      "test-results/",
      "node_modules/",
    ],
  },
  ...base,
  {
    ...scripted,
    files: ["**/*.tsx"],
  },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
    rules: {
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-new-func": "error",
      "no-implied-eval": "error",
    },
  },
];
