// A list of configuration changes in words ("Agreement “ACME Production”: targets[2].target PT4H → PT6H"), for the
// history ("what changed in version 8") and for a save conflict (theirs beside yours).
import { changeSentence, type BundleChange } from '../../../src/config/bundle-changes';

/** Past this many, the rest are counted: a restore or an import can change everything. */
const SHOWN = 50;

export function ChangeList({ changes, empty, testId }: { changes: readonly BundleChange[]; empty: string; testId?: string }) {
  if (changes.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="change-list" data-testid={testId}>
      {changes.slice(0, SHOWN).map((change, i) => (
        <li key={i} className={`change change--${change.kind}`} title={change.path}>
          {changeSentence(change)}
        </li>
      ))}
      {changes.length > SHOWN && <li className="hint">and {changes.length - SHOWN} more</li>}
    </ul>
  );
}
