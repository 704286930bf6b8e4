/**
 * The pane's Fluent themes. The dark theme is its own chunk: a pane that opens dark loads it before
 * its first render (loadTheme), one that turns dark later loads it then, and a light pane never
 * builds it.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ColorScheme } from "./officeTheme";

let darkTheme: Theme | undefined;

export async function loadTheme(scheme: ColorScheme): Promise<void> {
  if (scheme === "dark" && !darkTheme) {
    darkTheme = (await import(/* webpackChunkName: "dark-theme" */ "./darkTheme")).webDarkTheme;
  }
}

/** The Fluent theme for the scheme; light while the dark theme is still loading. */
export function useTheme(scheme: ColorScheme): Theme {
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (scheme !== "dark" || darkTheme) return undefined;
    let current = true;
    void loadTheme(scheme).then(() => current && setLoaded(true));
    return () => {
      current = false;
    };
  }, [scheme]);
  return scheme === "dark" && darkTheme ? darkTheme : webLightTheme;
}
