/**
 * Light or dark, following Office's theme inside Excel and the system setting in the browser preview.
 * The only place the pane reads an Office API.
 */
import { useEffect, useState } from "react";

export type ColorScheme = "light" | "dark";
export type Host = "excel" | "preview";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Relative luminance of "#rrggbb" (0 black .. 1 white), per WCAG. */
export function luminance(hex: string): number | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(match[1].slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Excel's theme from its body background, when the host reports one (not every platform does). */
export function officeColorScheme(): ColorScheme | undefined {
  try {
    const background =
      typeof Office === "undefined" ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
    const light = background ? luminance(background) : undefined;
    return light === undefined ? undefined : light < 0.4 ? "dark" : "light";
  } catch {
    return undefined;
  }
}

export function systemColorScheme(): ColorScheme {
  const media = typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;
  return media?.matches ? "dark" : "light";
}

/** The scheme now: Office's theme inside Excel, else the system setting. */
export function currentScheme(host: Host): ColorScheme {
  return (host === "excel" ? officeColorScheme() : undefined) ?? systemColorScheme();
}

/** The scheme now, updated when the system setting changes. */
export function useColorScheme(host: Host): ColorScheme {
  const [scheme, setScheme] = useState(() => currentScheme(host));
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return undefined;
    const media = window.matchMedia(DARK_QUERY);
    const update = () => setScheme(currentScheme(host));
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, [host]);
  return scheme;
}
