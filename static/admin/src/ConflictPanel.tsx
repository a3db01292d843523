// Someone saved while this admin was editing. Their changes (from the version these edits started from to the newest)
// are shown beside this admin's own unsaved changes, so nothing is lost by surprise: the admin either saves theirs
// over the newer version, having seen what it changed, or reloads it and drops their own.
import { useCallback } from 'react';
import { describeChanges } from '../../../src/config/bundle-changes';
import { call } from '../../shared/api';
import { Button, SectionMessage } from '../../shared/components';
import { messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import { ChangeList } from './ChangeList';
import type { Configuration } from './useConfiguration';

interface Props {
  config: Configuration;
  onSaved: () => void;
}

export function ConflictPanel(props: Props) {
  // Their changes are asked for only when there is a conflict to explain.
  return props.config.conflict ? <ConflictDetails {...props} conflict={props.config.conflict} /> : null;
}

function ConflictDetails({ config, onSaved, conflict }: Props & { conflict: string }) {
  const { meta, base, bundle, dirty, canEdit, saving } = config;
  const since = meta.version;
  const fetchTheirs = useCallback(() => call('admin/config/changes', { from: since }), [since]);
  const theirs = useResource(fetchTheirs);
  const mine = dirty ? describeChanges(base, bundle) : [];
  const newest = theirs.data?.to;
  return (
    <SectionMessage appearance="warning" announce="at-once" testId="conflict">
      <p>{conflict}</p>
      <div className="conflict-sides">
        <section>
          <h4>{newest === undefined ? 'Saved meanwhile' : `Saved meanwhile (version ${since} → ${newest})`}</h4>
          {theirs.error !== null && <p className="danger-text">Their changes could not be read: {messagesOf(theirs.error).join('; ')}</p>}
          {theirs.data && <ChangeList changes={theirs.data.changes} empty="No difference in the configuration." testId="conflict-theirs" />}
        </section>
        <section>
          <h4>Your unsaved changes</h4>
          <ChangeList changes={mine} empty="None." testId="conflict-mine" />
        </section>
      </div>
      {canEdit && dirty && newest !== undefined && (
        // Saving over the newest version replaces it: whatever of theirs is not in this page's edits is undone.
        <Button appearance="primary" disabled={saving} onClick={() => void config.save(newest).then(onSaved)} data-testid="save-over">
          Save yours as version {newest + 1} (replaces theirs)
        </Button>
      )}
      <Button onClick={() => void config.reload()} data-testid="reload-theirs">
        {dirty ? 'Load theirs and drop yours' : 'Load the saved configuration'}
      </Button>
      <Button appearance="link" onClick={config.dismissConflict}>
        Keep editing
      </Button>
    </SectionMessage>
  );
}
