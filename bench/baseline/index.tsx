// The baseline for the bundle and start-up benchmarks: an empty Fluent UI v9 pane with a search box,
// built by the same webpack config as the real task pane.
import { createRoot } from "react-dom/client";
import { FluentProvider, SearchBox, webLightTheme } from "@fluentui/react-components";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <SearchBox aria-label="Search" placeholder="Search" />
    </FluentProvider>,
  );
});
