// Atlassian design tokens, light or dark as Jira is: the host tells the app its colour mode through the bridge.
import { view } from '@forge/bridge';
import '@atlaskit/css-reset';

export async function applyTheme(): Promise<void> {
  try {
    // Applies data-color-mode / theme attributes from the host and keeps them in sync.
    await view.theme.enable();
  } catch {
    // Outside Jira (a plain browser) there is no host theme; the tokens' light defaults apply.
  }
}
