// The admin page: the whole configuration bundle as forms in tabs, checked as the admin types, saved as one new
// version, then applied to the site's requests with its progress shown. Errors sit on their fields and are
// summarised at the top. Jira administrators change it (Jira settings › Apps); on a project's settings the same page
// is read-only for the project's administrators.
import { useEffect, useState, type ReactElement } from 'react';
import { Button, Loading, ProblemMessage, SectionMessage } from '../../shared/components';
import { useViewerTimezone } from '../../shared/context';
import { ActionModelsSection } from './ActionModelEditor';
import { ActionsSection } from './ActionEditor';
import { AgreementsSection } from './AgreementEditor';
import { CalendarsSection } from './CalendarEditor';
import { ConfirmRemoval } from './ConfirmRemoval';
import { ConflictPanel } from './ConflictPanel';
import { CustomersSection } from './CustomerEditor';
import type { SectionProps } from './editing';
import { ErrorSummary, IssuesProvider, revealField } from './errors';
import { EscalationsStatusLine, useEscalationStatus } from './Escalations';
import { RemindersStatusLine, useReminderStatus } from './Reminders';
import { GoalsSection } from './GoalEditor';
import { HolidayCollectionsSection } from './HolidayCollectionEditor';
import { ImportExport } from './ImportExport';
import { LookupsProvider } from './lookups';
import { ManagementReports } from './ManagementReports';
import { tabOf } from './places';
import { PriorityModelsSection } from './PriorityModelEditor';
import { ReevaluationProgress, useReevaluation } from './Reevaluation';
import { Environments } from './Environments';
import { Reports } from './Reports';
import { SaveBar } from './SaveBar';
import type { SectionKey } from './sections';
import { Simulator } from './Simulator';
import { TabBar, type TabId } from './TabBar';
import { useConfiguration } from './useConfiguration';
import { ViewerZone } from './viewer-zone';
import { SuppliersSection } from './SupplierEditor';

const EDITORS: Record<SectionKey, (props: SectionProps) => ReactElement> = {
  calendars: CalendarsSection,
  holidayCollections: HolidayCollectionsSection,
  actions: ActionsSection,
  actionModels: ActionModelsSection,
  goals: GoalsSection,
  priorityModels: PriorityModelsSection,
  customers: CustomersSection,
  agreements: AgreementsSection,
  suppliers: SuppliersSection,
};

/** Across every customer of the site: Jira administrators only (a project's administrators read the configuration). */
const ADMINS_ONLY: ReadonlySet<TabId> = new Set(['management', 'environments']);

const isSection = (tab: TabId): tab is SectionKey => tab in EDITORS;

export function AdminPage() {
  const config = useConfiguration();
  // Every time on the page is shown in the viewer's zone (their Jira profile's).
  const zone = useViewerTimezone();
  const reevaluation = useReevaluation();
  const escalations = useEscalationStatus();
  const reminders = useReminderStatus();
  const [tab, setTab] = useState<TabId>('calendars');
  const [reveal, setReveal] = useState<{ path: string } | null>(null);

  // After switching to the tab of an error, its field exists: scroll to it and focus it.
  useEffect(() => {
    if (reveal) revealField(reveal.path);
  }, [reveal]);

  if (config.load.status === 'loading' || zone === null) return <Loading label="Loading the configuration…" />;
  if (config.load.status === 'failed') {
    return (
      <ProblemMessage title="The configuration could not be loaded" error={config.load.error}>
        <Button onClick={() => void config.reload()}>Try again</Button>
      </ProblemMessage>
    );
  }

  const counts = new Map<TabId, number>();
  for (const issue of config.issues) {
    const owner = tabOf(issue.path);
    if (owner) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  const Editor = isSection(tab) ? EDITORS[tab] : undefined;

  return (
    <ViewerZone.Provider value={zone}>
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
            <EscalationsStatusLine status={escalations.data} error={escalations.error} />
            <RemindersStatusLine status={reminders.data} error={reminders.error} />
            <ConflictPanel config={config} onSaved={() => void reevaluation.reload()} />
            <ConfirmRemoval config={config} onSaved={() => void reevaluation.reload()} />
            {config.problems.length > 0 && (
              <SectionMessage appearance="error" announce="no" testId="problems">
                {config.problems.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </SectionMessage>
            )}
            <ErrorSummary
              issues={config.issues}
              bundle={config.bundle}
              onShow={(place) => {
                if (place.tab) setTab(place.tab);
                setReveal({ path: place.field });
              }}
            />
            <TabBar active={tab} onSelect={setTab} counts={counts} without={config.canEdit ? undefined : ADMINS_ONLY} />
            {Editor && (
              <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
                {/* A disabled fieldset disables every control inside it: read-only without a second set of forms. */}
                <fieldset className="read-only-scope" disabled={!config.canEdit}>
                  <Editor bundle={config.bundle} edit={config.edit} saved={config.base} />
                </fieldset>
              </div>
            )}
            {/* Kept mounted while hidden so a simulation survives a visit to another tab. */}
            <div role="tabpanel" id="panel-simulator" aria-labelledby="tab-simulator" className="panel" hidden={tab !== 'simulator'}>
              <Simulator bundle={config.bundle} onBundleIssues={config.reportBundleIssues} />
            </div>
            {tab === 'reports' && (
              <div role="tabpanel" id="panel-reports" aria-labelledby="tab-reports" className="panel">
                <Reports canEdit={config.canEdit} />
              </div>
            )}
            {tab === 'management' && config.canEdit && (
              <div role="tabpanel" id="panel-management" aria-labelledby="tab-management" className="panel">
                <ManagementReports />
              </div>
            )}
            {tab === 'environments' && config.canEdit && (
              <div role="tabpanel" id="panel-environments" aria-labelledby="tab-environments" className="panel">
                <Environments canEdit={config.canEdit} />
              </div>
            )}
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
                  onConflict={config.showConflict}
                />
              </div>
            )}
          </main>
        </IssuesProvider>
      </LookupsProvider>
    </ViewerZone.Provider>
  );
}
