// An action model: the statuses in which the clocks of its goals stand still (e.g. "Waiting for customer").
import { Card, DeleteButton, SectionIntro, StringListEditor, TextField } from './controls';
import type { SectionProps } from './editing';
import { knownStatuses } from './ActionEditor';
import { useLookups } from './lookups';
import { labelOf, newActionModel, renameEntity } from './model';
import { at } from './paths';
import { actionModelUsage } from './usage';

export function ActionModelEditor({ bundle, edit, index }: SectionProps & { index: number }) {
  const model = bundle.actionModels[index]!;
  const siteStatuses = useLookups().statuses.items;
  const path = at('actionModels', index);
  return (
    <Card
      path={path}
      title={model.name || model.id || 'Unnamed action model'}
      actions={
        <DeleteButton what={`Action model ${labelOf(model)}`} usedBy={actionModelUsage(bundle, model.id)} onDelete={() => edit((d) => void d.actionModels.splice(index, 1))} />
      }
    >
      <div className="grid">
        <TextField label="Id" path={at(path, 'id')} value={model.id} onChange={(v) => edit((d) => renameEntity(d, 'actionModel', index, v))} />
        <TextField label="Name" path={at(path, 'name')} value={model.name ?? ''} onChange={(v) => edit((d) => void (d.actionModels[index]!.name = v))} />
      </div>
      <StringListEditor
        label="Pause in statuses"
        noun="status"
        path={at(path, 'pauseInStatuses')}
        values={model.pauseInStatuses}
        suggestions={knownStatuses(bundle, siteStatuses)}
        emptyMeans="The clocks never stop for a status."
        onChange={(v) => edit((d) => void (d.actionModels[index]!.pauseInStatuses = v))}
      />
    </Card>
  );
}

export function ActionModelsSection({ bundle, edit }: SectionProps) {
  return (
    <div>
      <SectionIntro addLabel="Add action model" onAdd={() => edit((d) => void d.actionModels.push(newActionModel(d)))}>
        An action model lists the statuses in which its goals’ clocks stand still, such as “Waiting for customer”.
      </SectionIntro>
      {bundle.actionModels.length === 0 && <p className="empty">No action models yet.</p>}
      {bundle.actionModels.map((_, i) => (
        <ActionModelEditor key={i} bundle={bundle} edit={edit} index={i} />
      ))}
    </div>
  );
}
