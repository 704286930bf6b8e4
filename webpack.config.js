/* Production and development bundles of the add-in: functions.js (self-contained, no React),
   taskpane.html with react.js, vendor.js and taskpane.js, functions.json, help pages, assets and
   manifest.xml. The ribbon button opens the pane declaratively, so no command script is needed. */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_BASE_URL = "https://localhost:3000";
const DATA_LOADER = path.resolve(__dirname, "scripts/data-loader.cjs");
const { SHARED_DATA_REQUEST } = require(DATA_LOADER);
const SHARED_DATASET_GLOBAL = "reeSupplyDataset";

/** Every development URL in the manifest becomes the deployment base URL (all occurrences). */
function manifestFor(content) {
  const base = (process.env.ADDIN_BASE_URL || DEV_BASE_URL).replace(/\/+$/, "");
  return content.toString().split(DEV_BASE_URL).join(base);
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true } },
};

/**
 * Our makeStyles calls compiled to CSS at build time (Fluent's own components ship that way), so the
 * pane does not run the style compiler while it starts. Runs on ts-loader's output.
 */
const tsxRule = {
  test: /\.tsx$/,
  exclude: /node_modules/,
  use: [{ loader: "@griffel/webpack-loader" }, tsRule.use],
};
const rules = [{ ...tsRule, test: /\.ts$/ }, tsxRule];

/**
 * functions.js also runs in Trident (IE11): Excel on Windows without WebView2 hosts the shared
 * runtime there, and one token it cannot parse leaves every =REE.* at #NAME?. Babel lowers
 * ts-loader's output to ES5 syntax; src/legacy/ie11.js, the bundle's first module, adds the few
 * library features the code calls and IE11 lacks. core-js would add them too, but (measured when
 * this was chosen, with data 1.0.0) took the bundle to 42 KB gzip, over its 30 KB budget, where
 * this way it was 27 KB.
 * test/addin/es5.test.ts parses the result as ES5 and runs it with only IE11's built-ins.
 */
const IE11_BABEL = {
  loader: "babel-loader",
  options: {
    babelrc: false,
    configFile: false,
    // The bundle is a script, not a module: webpack resolves the imports. `typeof` stays native:
    // the code makes no symbols, and IE11 has no Symbol polyfill whose typeof would need the helper.
    presets: [
      [
        "@babel/preset-env",
        { targets: { ie: "11" }, modules: false, exclude: ["transform-typeof-symbol"] },
      ],
    ],
    // Babel's helpers (iteration, spread, classes) once, from @babel/runtime, instead of a copy in
    // every module that uses them.
    // `version` lets it import helpers newer than 7.0 (for-of's among them) rather than inline them.
    plugins: [
      [
        "@babel/plugin-transform-runtime",
        { regenerator: false, version: require("@babel/runtime/package.json").version },
      ],
    ],
    // What our code never relies on, so the ES5 it becomes can be shorter: document.all (`??` and
    // `?.` test `!= null`), a function's length, setters hit by object spread, calling a class
    // without new, getters with side effects, early exits closing an iterator, a value whose
    // Symbol.toPrimitive reads its hint (so template literals join with + rather than .concat),
    // spreading, destructuring or for-of over anything but an array (Maps, Sets and their
    // iterators go through Array.from or forEach; test/addin/es5-iteration.test.ts checks every
    // module functions.js bundles), so those become index loops and concat without helpers.
    assumptions: {
      noDocumentAll: true,
      ignoreFunctionLength: true,
      setSpreadProperties: true,
      noClassCalls: true,
      pureGetters: true,
      skipForOfIteratorClosing: true,
      noNewArrows: true,
      ignoreToPrimitiveHint: true,
      iterableIsArray: true,
    },
  },
};
/**
 * The reference data files, each built as its bundle needs it (scripts/data-loader.cjs): in
 * functions.js only what the functions read; in the pane, the whole file from that part and the rest.
 */
const dataRule = (part) => ({
  test: /\.json$/,
  include: path.resolve(__dirname, "src/data"),
  type: "javascript/auto",
  use: { loader: DATA_LOADER, options: { part } },
});
const es5Rules = [
  { test: /\.ts$/, exclude: /node_modules/, use: [IE11_BABEL, tsRule.use] },
  { test: /\.js$/, exclude: /node_modules/, use: IE11_BABEL },
  dataRule("functions"),
];

/**
 * The pane's first scripts in three files: React, the other libraries, and our code.
 * The browser downloads and parses them in parallel, where one 500 KB script parses on one thread.
 * The benchmark's baseline is split the same way. Lazy chunks keep their own modules.
 */
const firstScreen = {
  chunks: (chunk) => chunk.name === "taskpane",
  filename: "[name].js",
  enforce: true,
};
const firstScreenSplit = {
  cacheGroups: {
    default: false,
    defaultVendors: false,
    react: {
      ...firstScreen,
      test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
      name: "react",
      priority: 2,
    },
    vendor: { ...firstScreen, test: /[\\/]node_modules[\\/]/, name: "vendor", priority: 1 },
  },
};

const common = (production) => ({
  mode: production ? "production" : "development",
  devtool: production ? false : "source-map",
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: { rules },
  optimization: { runtimeChunk: false, splitChunks: false },
  performance: { hints: false },
});

/** The pane page's first script (ES5, copied as is): a message instead of a blank pane. */
const startupScript = () =>
  new CopyWebpackPlugin({ patterns: [{ from: "src/taskpane/startup.js", to: "startup.js" }] });

/** The task pane page and its first-screen split, the same for the pane and the baseline. */
function paneHtml(sharedRuntimeScripts) {
  return new HtmlWebpackPlugin({
    filename: "taskpane.html",
    template: "./src/taskpane/taskpane.html",
    chunks: ["taskpane"],
    scriptLoading: "defer",
    // Office.js's origin, in the CSP's script-src and frame-src (taskpane.html says why).
    officeCsp: " https://appsforoffice.microsoft.com",
    sharedRuntimeScripts,
  });
}
const paneOptimization = { runtimeChunk: false, splitChunks: firstScreenSplit };

/** The benchmark's baseline: an empty Fluent pane built with the same loaders and template. */
function baselineConfig(production) {
  return {
    ...common(production),
    entry: {
      taskpane: "./bench/baseline/index.tsx",
      // Node requires these two: any lazy import (the card's code) stays inside them.
      "direct-math": {
        import: "./bench/baseline/direct-math.ts",
        library: { type: "commonjs2" },
        asyncChunks: false,
      },
      "recalc-engine": {
        import: "./bench/baseline/recalc-engine.ts",
        library: { type: "commonjs2" },
        asyncChunks: false,
      },
    },
    output: { path: path.resolve(__dirname, "dist-baseline"), filename: "[name].js", clean: true },
    optimization: paneOptimization,
    plugins: [paneHtml(""), startupScript()],
  };
}

/**
 * functions.js is its own compilation: it loads on its own (no shared chunk, no React), and webpack
 * can concatenate its modules into one scope because no task-pane chunk shares them. On the
 * task-pane page it also hands the pane its part of the data set (src/functions/sharedRuntime.ts).
 */
function functionsConfig(production) {
  return {
    ...common(production),
    name: "functions",
    // webpack's own runtime code in ES5 too (no arrow functions, const or destructuring).
    target: ["web", "es5"],
    module: { rules: es5Rules },
    entry: {
      functions: {
        import: ["./src/legacy/ie11.js", "./src/functions/bundle.ts"],
      },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The card's code is a chunk of its own, loaded on the first =REE.FACT(id, "card") from
      // beside the page (functions.js and the pane share one page). Its loader keeps its list on
      // `this`, the global object in the runtime's sloppy-mode wrapper: Excel's functions-only
      // runtime, which loads functions.js where there is no shared runtime, has no `self`.
      chunkFilename: "chunks/[name].[contenthash:8].js",
      publicPath: "",
      globalObject: "this",
      // Help pages are written after webpack (scripts/build-help.ts): watch rebuilds keep them.
      clean: { keep: /^help[\\/]/ },
    },
    plugins: [
      // The page global src/functions/bundle.ts sets (the pane's build maps the data to it).
      new webpack.DefinePlugin({ SHARED_DATASET_GLOBAL: JSON.stringify(SHARED_DATASET_GLOBAL) }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestFor },
        ],
      }),
    ],
  };
}

/** The task pane; its page also loads functions.js (one shared runtime). */
function paneConfig(production) {
  return {
    ...common(production),
    name: "pane",
    // Runs after the functions compilation, which cleans dist/.
    dependencies: ["functions"],
    optimization: paneOptimization,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    module: { rules: [...rules, dataRule("pane")] },
    // The data's shared part comes from functions.js, which the page runs first
    // (src/functions/sharedRuntime.ts).
    externals: ({ request }, callback) =>
      request === SHARED_DATA_REQUEST
        ? callback(null, SHARED_DATASET_GLOBAL, "global")
        : callback(),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
    },
    plugins: [paneHtml('<script defer src="functions.js"></script>'), startupScript()],
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  if (env.baseline) return baselineConfig(production);
  return [functionsConfig(production), paneConfig(production)];
};
