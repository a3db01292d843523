// The page's tabs: one per section of the configuration, each with the count of its problems, then the simulator,
// the customers' reports, the management reports and the files.
import { Badge } from '../../shared/components';
import { SECTIONS, type SectionKey } from './sections';

export type TabId = SectionKey | 'simulator' | 'reports' | 'management' | 'environments' | 'files';

const TABS: ReadonlyArray<{ id: TabId; label: string }> = [
  ...SECTIONS,
  { id: 'simulator', label: 'Simulator' },
  { id: 'reports', label: 'Reports' },
  { id: 'management', label: 'Management' },
  { id: 'environments', label: 'Environments' },
  { id: 'files', label: 'Import, export & history' },
];

/** `without`: tabs the viewer may not use (the management reports are Jira administrators'). */
export function TabBar({ active, onSelect, counts, without }: { active: TabId; onSelect: (tab: TabId) => void; counts: ReadonlyMap<TabId, number>; without?: ReadonlySet<TabId> }) {
  return (
    <div role="tablist" aria-label="Configuration" className="tabs">
      {TABS.filter((tab) => !without?.has(tab.id)).map((tab) => {
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
