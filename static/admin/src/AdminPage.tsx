// The admin page: the whole configuration bundle as forms in tabs, checked as the admin types, saved as one new
// version, then applied to the site's requests with its progress shown. Errors sit on their fields and are
// summarised at the top. Jira administrators change it (Jira settings › Apps); on a project's settings the same page
// is read-only for the project's administrators.
import { useEffect, useState, type ReactElement } from 'react';
import { ActionModelsSection } from './ActionModelEditor';
import { ActionsSection } from './ActionEditor';
import { AgreementsSection } from './AgreementEditor';
import { CalendarsSection } from './CalendarEditor';
import { Badge, Button, Loading, ProblemMessage, SectionMessage } from '../../shared/components';
import { CustomersSection } from './CustomerEditor';
import type { SectionProps } from './editing';
import { ErrorSummary, IssuesProvider, revealField } from './errors';
import { formatSavedAt } from './format';
import { GoalsSection } from './GoalEditor';
import { HolidayCollectionsSection } from './HolidayCollectionEditor';
import { ImportExport } from './ImportExport';
import { LookupsProvider } from './lookups';
import { labelOf, type ConfigBundle } from './model';
import { sectionOf, segmentsOf } from './paths';
import { PriorityModelsSection } from './PriorityModelEditor';
import { ReevaluationProgress, useReevaluation } from './Reevaluation';
import { Simulator } from './Simulator';
import { useConfiguration } from './useConfiguration';

type SectionKey = Exclude<keyof ConfigBundle, 'version'>;

interface EditorTab {
  id: SectionKey;
  label: string;
  noun: string;
  Section: (props: SectionProps) => ReactElement;
}

const EDITOR_TABS: EditorTab[] = [
  { id: 'calendars', label: 'Calendars', noun: 'Calendar', Section: CalendarsSection },
  { id: 'holidayCollections', label: 'Holiday collections', noun: 'Holiday collection', Section: HolidayCollectionsSection },
  { id: 'actions', label: 'Actions', noun: 'Action', Section: ActionsSection },
  { id: 'actionModels', label: 'Action models', noun: 'Action model', Section: ActionModelsSection },
  { id: 'goals', label: 'Goals', noun: 'Goal', Section: GoalsSection },
  { id: 'priorityModels', label: 'Priority models', noun: 'Priority model', Section: PriorityModelsSection },
  { id: 'customers', label: 'Customers', noun: 'Customer', Section: CustomersSection },
  { id: 'agreements', label: 'Agreements', noun: 'Agreement', Section: AgreementsSection },
];

type TabId = SectionKey | 'simulator' | 'files';

const OTHER_TABS: Array<{ id: TabId; label: string }> = [
  { id: 'simulator', label: 'Simulator' },
  { id: 'files', label: 'Import, export & history' },
];

const tabOfPath = (path: string): EditorTab | undefined => EDITOR_TABS.find((t) => t.id === sectionOf(path));

/** `Calendar “Copenhagen office hours” › week.mon[1]`: the entry by name, then where inside it. */
export function describePath(bundle: ConfigBundle, path: string): string {
  const tab = tabOfPath(path);
  const segments = segmentsOf(path);
  if (path === '(root)') return 'The configuration';
  if (!tab) return path;
  const index = segments[1];
  if (typeof index !== 'number') return `${tab.label} › ${path.slice(tab.id.length).replace(/^\./, '') || 'the list'}`;
  const entry = (bundle[tab.id] as Array<{ id: string; name?: string }>)[index];
  const rest = path.slice(`${tab.id}[${index}]`.length).replace(/^\./, '');
  const name = entry ? labelOf(entry) : `#${index + 1}`;
  return rest ? `${tab.noun} ${name} › ${rest}` : `${tab.noun} ${name}`;
}

function TabBar({ active, onSelect, counts }: { active: TabId; onSelect: (tab: TabId) => void; counts: Map<TabId, number> }) {
  const tabs: Array<{ id: TabId; label: string }> = [...EDITOR_TABS, ...OTHER_TABS];
  return (
    <div role="tablist" aria-label="Configuration" className="tabs">
      {tabs.map((tab) => {
        const count = counts.get(tab.id) ?? 0;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`panel-${tab.id}`}
            className={`tab ${active === tab.id ? 'active' : ''}`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {count > 0 && (
              <Badge appearance="important" aria-label={`${count} problems`}>
                {count}
              </Badge>
            )}
          </button>
        );
      })}
    </div>
  );
}

function SaveBar({ config, onSaved }: { config: ReturnType<typeof useConfiguration>; onSaved: () => void }) {
  const { meta, dirty, checking, saving, issues, saved, canEdit } = config;
  const state = saving ? 'Saving…' : checking ? 'Checking…' : issues.length > 0 ? `${issues.length} problem${issues.length === 1 ? '' : 's'}` : dirty ? 'Unsaved changes' : 'All changes saved';
  return (
    <header className="save-bar">
      <div>
        <h1>Contract SLA</h1>
        <div className="hint">
          {meta.version === 0 ? 'Nothing saved yet' : `Version ${meta.version}, saved ${formatSavedAt(meta.savedAt)}`}
        </div>
      </div>
      <div className="save-actions">
        <span className={`save-state ${issues.length > 0 ? 'danger-text' : ''}`} aria-live="polite">
          {state}
        </span>
        {saved && (
          <span className="saved" role="status" data-testid="saved">
            Saved as version {saved.version}
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

export function AdminPage() {
  const config = useConfiguration();
  const reevaluation = useReevaluation();
  const [tab, setTab] = useState<TabId>('calendars');
  const [reveal, setReveal] = useState<{ path: string } | null>(null);

  // After switching to the tab of an error, its field exists: scroll to it and focus it.
  useEffect(() => {
    if (reveal) revealField(reveal.path);
  }, [reveal]);

  if (config.load.status === 'loading') return <Loading label="Loading the configuration…" />;
  if (config.load.status === 'failed') {
    return (
      <ProblemMessage title="The configuration could not be loaded" error={config.load.error}>
        <Button onClick={() => void config.reload()}>Try again</Button>
      </ProblemMessage>
    );
  }

  const counts = new Map<TabId, number>();
  for (const issue of config.issues) {
    const owner = tabOfPath(issue.path);
    if (owner) counts.set(owner.id, (counts.get(owner.id) ?? 0) + 1);
  }
  const editorTab = EDITOR_TABS.find((t) => t.id === tab);

  return (
    <LookupsProvider>
      <IssuesProvider value={config.issues}>
        <main className="admin">
          <SaveBar config={config} onSaved={() => void reevaluation.reload()} />
          {!config.canEdit && (
            <SectionMessage appearance="information" announce="no" testId="read-only">
              <p>
                This is the Contract SLA configuration that applies to this project, shown read-only. It applies to every service
                project of the site, so only Jira administrators change it (Jira settings › Apps › Contract SLA).
              </p>
            </SectionMessage>
          )}
          <ReevaluationProgress status={reevaluation.data} error={reevaluation.error} />
          {config.conflict && (
            <SectionMessage appearance="warning" announce="at-once" testId="conflict">
              <p>{config.conflict}</p>
              <p>Reloading shows their version; your edits here are discarded, so note them first.</p>
              <Button appearance="primary" onClick={() => void config.reload()}>
                Reload the saved configuration
              </Button>
              <Button appearance="link" onClick={() => config.setConflict(null)}>
                Keep editing
              </Button>
            </SectionMessage>
          )}
          {config.problems.length > 0 && (
            <SectionMessage appearance="error" announce="no" testId="problems">
              {config.problems.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </SectionMessage>
          )}
          <ErrorSummary
            issues={config.issues}
            describe={(path) => describePath(config.bundle, path)}
            canShow={(path) => tabOfPath(path) !== undefined}
            onShow={(path) => {
              const owner = tabOfPath(path);
              if (owner) setTab(owner.id);
              setReveal({ path });
            }}
          />
          <TabBar active={tab} onSelect={setTab} counts={counts} />
          {editorTab && (
            <div role="tabpanel" id={`panel-${editorTab.id}`} aria-labelledby={`tab-${editorTab.id}`} className="panel">
              {/* A disabled fieldset disables every control inside it: read-only without a second set of forms. */}
              <fieldset className="read-only-scope" disabled={!config.canEdit}>
                <editorTab.Section bundle={config.bundle} edit={config.edit} />
              </fieldset>
            </div>
          )}
          {/* Kept mounted while hidden so a simulation survives a visit to another tab. */}
          <div role="tabpanel" id="panel-simulator" aria-labelledby="tab-simulator" className="panel" hidden={tab !== 'simulator'}>
            <Simulator bundle={config.bundle} onBundleErrors={config.showBundleErrors} />
          </div>
          {tab === 'files' && (
            <div role="tabpanel" id="panel-files" aria-labelledby="tab-files" className="panel">
              <ImportExport
                version={config.meta.version}
                dirty={config.dirty}
                canEdit={config.canEdit}
                failures={reevaluation.data?.failures ?? []}
                onImported={async (meta) => {
                  await config.adoptSaved(meta);
                  void reevaluation.reload();
                }}
                onReevaluationStarted={() => void reevaluation.reload()}
                onConflict={config.setConflict}
              />
            </div>
          )}
        </main>
      </IssuesProvider>
    </LookupsProvider>
  );
}
