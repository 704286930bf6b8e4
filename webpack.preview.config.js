/* The browser preview (dist-preview/): the task pane beside a HyperFormula workbook that evaluates
   the REE functions. HyperFormula is GPL-3.0 and a dev dependency: it is built only here, never into
   the add-in's dist/ (webpack.config.js has no entry that reaches src/preview/). */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the page's CSP forbids eval.
    devtool: production ? false : "source-map",
    entry: { preview: "./src/preview/preview.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-preview"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "preview.html",
        // The pane's page, without Office.js: one head and one CSP rule for both.
        template: "./src/taskpane/taskpane.html",
        scriptLoading: "defer",
        preview: true,
      }),
    ],
  };
};
