/** Fluent's dark theme alone, for the chunk theme.ts loads when the pane turns dark. */
export { webDarkTheme } from "@fluentui/react-components";
