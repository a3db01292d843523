// Light and dark, as Jira applies them: the Atlassian design tokens' theme CSS (the same @atlaskit/tokens themes Jira
// loads) in a document, and its root marked with the colour mode. The host page takes it, and so does every surface
// that calls view.theme.enable(), as in Jira, where the user's theme reaches the app's frames through the bridge.
import dark from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark';
import light from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light';

export type ColorMode = 'light' | 'dark';

const STORED = 'contract-sla-sandbox.color-mode';
const STYLE_ID = 'sandbox-design-tokens';
/** The theme attribute Jira sets beside the mode: which theme each mode uses. */
export const THEME_ATTRIBUTE = 'dark:dark light:light spacing:spacing typography:typography';

export function storedColorMode(): ColorMode {
  return localStorage.getItem(STORED) === 'dark' ? 'dark' : 'light';
}

export function storeColorMode(mode: ColorMode): void {
  localStorage.setItem(STORED, mode);
}

/** Puts the theme CSS in a document once, and marks its root with the mode (changing it recolours at once). */
export function applyTheme(doc: Document, mode: ColorMode): void {
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = `${light}\n${dark}`;
    doc.head.append(style);
  }
  doc.documentElement.setAttribute('data-color-mode', mode);
  doc.documentElement.setAttribute('data-theme', THEME_ATTRIBUTE);
}
