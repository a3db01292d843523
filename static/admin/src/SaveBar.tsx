// The page's header: the stored version, where the edits stand (checking, problems, unsaved, saved) and Save.
import { Button } from '../../shared/components';
import { formatSavedAt } from './format';
import { useZone } from './viewer-zone';
import type { Configuration } from './useConfiguration';

function standing({ saving, checking, issues, dirty }: Configuration): string {
  if (saving) return 'Saving…';
  if (checking) return 'Checking…';
  if (issues.length > 0) return `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return dirty ? 'Unsaved changes' : 'All changes saved';
}

export function SaveBar({ config, onSaved }: { config: Configuration; onSaved: () => void }) {
  const { meta, dirty, saving, issues, saved, canEdit } = config;
  const zone = useZone();
  return (
    <header className="save-bar">
      <div>
        <h1>Contract SLA</h1>
        <div className="hint">{meta.version === 0 ? 'Nothing saved yet' : `Version ${meta.version}, saved ${formatSavedAt(meta.savedAt, zone)}`}</div>
      </div>
      <div className="save-actions">
        <span className={`save-state ${issues.length > 0 ? 'danger-text' : ''}`} aria-live="polite">
          {standing(config)}
        </span>
        {saved && (
          <span className="saved" role="status" data-testid="saved">
            {saved.unchanged ? `Nothing to save: version ${saved.version} is this configuration already` : `Saved as version ${saved.version}`}
          </span>
        )}
        <Button onClick={() => void config.reload()} disabled={saving}>
          {dirty ? 'Discard changes' : 'Reload'}
        </Button>
        {canEdit && (
          <Button appearance="primary" data-testid="save" onClick={() => void config.save().then(onSaved)} disabled={saving}>
            Save
          </Button>
        )}
      </div>
    </header>
  );
}
