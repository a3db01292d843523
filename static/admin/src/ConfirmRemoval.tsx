// A save that would take priority ids away from models agreements use: requests store those ids, so the page says
// which and why, and saves only when the admin confirms (src/config/priority-ids.ts on the backend).
import { Button, SectionMessage } from '../../shared/components';
import type { Configuration } from './useConfiguration';

export function ConfirmRemoval({ config, onSaved }: { config: Configuration; onSaved: () => void }) {
  const { confirmations, saving } = config;
  if (confirmations.length === 0) return null;
  return (
    <SectionMessage appearance="warning" announce="at-once" testId="confirm-removal">
      <p>Saving would take away what requests may already have:</p>
      <ul>
        {confirmations.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <Button appearance="danger" disabled={saving} onClick={() => void config.save(undefined, true).then(onSaved)} data-testid="confirm-remove-priorities">
        Remove them and save
      </Button>
      <Button appearance="link" onClick={config.dismissConfirmation}>
        Keep editing
      </Button>
    </SectionMessage>
  );
}
