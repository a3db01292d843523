// The rule of an agreement's development terms (formats.md §9.2) that relates them to the rest of the bundle: the
// waiting status must be one every goal the agreement measures pauses in, or the request's clocks would run while
// development works. Plain TypeScript on the raw input, like the other cross-checks, so it is reported with every
// other mistake.
import { issueAt, type PathIssue } from './issues';
import { fieldOf, isRecord, itemsOf, recordsOf, textOf } from './raw';

export function checkDevelopment(bundle: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  if (!isRecord(bundle)) return out;
  const pausing = new Map<string, Set<string>>();
  for (const [, model] of recordsOf(fieldOf(bundle, 'actionModels'))) {
    const id = textOf(fieldOf(model, 'id'));
    if (id !== undefined) pausing.set(id, new Set(itemsOf(fieldOf(model, 'pauseInStatuses')).filter((s): s is string => typeof s === 'string')));
  }
  const modelOf = new Map<string, string | undefined>();
  for (const [, goal] of recordsOf(fieldOf(bundle, 'goals'))) {
    const id = textOf(fieldOf(goal, 'id'));
    if (id !== undefined) modelOf.set(id, textOf(fieldOf(goal, 'actionModel')));
  }
  for (const [i, agreement] of recordsOf(fieldOf(bundle, 'agreements'))) {
    const terms = fieldOf(agreement, 'development');
    if (!isRecord(terms)) continue;
    const status = textOf(fieldOf(terms, 'waitingStatus'));
    // A missing or blank status is zod's to report.
    if (status === undefined || status.trim() === '') continue;
    const goals = [...new Set(recordsOf(fieldOf(agreement, 'targets')).map(([, row]) => textOf(fieldOf(row, 'goal'))))];
    // Unknown goals and action models are the references check's to report.
    const running = goals.filter((goal): goal is string => {
      if (goal === undefined || !modelOf.has(goal)) return false;
      const model = modelOf.get(goal);
      return model !== undefined && pausing.has(model) && !pausing.get(model)!.has(status);
    });
    if (running.length > 0) {
      const models = [...new Set(running.map((goal) => modelOf.get(goal)!))];
      out.push(
        issueAt(
          ['agreements', i, 'development', 'waitingStatus'],
          `the goal${running.length > 1 ? 's' : ''} ${running.join(', ')} do${running.length > 1 ? '' : 'es'} not pause in ${JSON.stringify(status)}, so ${running.length > 1 ? 'their' : 'its'} clock would run while development works; add it to the pauseInStatuses of the action model${models.length > 1 ? 's' : ''} ${models.join(', ')}`,
        ),
      );
    }
  }
  return out;
}
