/**
 * Entry of the browser preview (dist-preview/preview.html). The CustomFunctions shim goes in before
 * the workbook module loads, because the REE functions it registers expect Excel's CustomFunctions.
 */
import { createRoot } from "react-dom/client";
import { installCustomFunctionsShim } from "./custom-functions-shim";

installCustomFunctionsShim();

const root = document.getElementById("root");
if (root) {
  import(/* webpackChunkName: "preview-app" */ "./start")
    .then(({ start }) => start(root))
    .catch((error: unknown) => {
      createRoot(root).render(
        <p role="alert">
          The preview could not start: {error instanceof Error ? error.message : String(error)}.
          Rebuild it with npm run build:preview.
        </p>,
      );
    });
}
