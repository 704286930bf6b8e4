/* Production and development bundles of the add-in: functions.js (self-contained, no React),
   taskpane.html + taskpane.js, commands.js, functions.json, help pages, assets and manifest.xml. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_BASE_URL = "https://localhost:3000";

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

/** The benchmark's baseline: an empty Fluent pane built with the same loaders and template. */
function baselineConfig(production) {
  return {
    mode: production ? "production" : "development",
    entry: {
      taskpane: "./bench/baseline/index.tsx",
      "direct-math": {
        import: "./bench/baseline/direct-math.ts",
        library: { type: "commonjs2" },
      },
    },
    output: { path: path.resolve(__dirname, "dist-baseline"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule] },
    optimization: { runtimeChunk: false, splitChunks: false },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  if (env.baseline) return baselineConfig(production);
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule] },
    // Each entry carries its own runtime and modules so functions.js loads on its own.
    optimization: { runtimeChunk: false, splitChunks: false },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestFor },
        ],
      }),
    ],
  };
};
