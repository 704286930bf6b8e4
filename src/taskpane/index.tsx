import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Title3 } from "@fluentui/react-components";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Title3 as="h1">Rare Earth Supply Modeler</Title3>
    </FluentProvider>,
  );
});
