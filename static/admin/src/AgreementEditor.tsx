// An agreement: the contract with one customer for one environment (and optionally some products), valid for a
// period, with its priority model, its calendar, its target matrix and its escalations.
import type { Agreement } from '../../../src/engine/types';
import { Card, CheckboxGroup, DeleteButton, SectionIntro, SelectField, StringListEditor, TextField } from './controls';
import type { SectionProps } from './editing';
import { labelOf, newAgreement, renameEntity } from './model';
import { at } from './paths';
import { ContractEditor, newContract } from './ContractEditor';
import { EscalationsEditor } from './EscalationsEditor';
import { TargetMatrix } from './TargetMatrix';

export function AgreementEditor({ bundle, edit, index }: SectionProps & { index: number }) {
  const agreement = bundle.agreements[index]!;
  const path = at('agreements', index);
  const change = (fn: (a: Agreement) => void) => edit((d) => fn(d.agreements[index]!));
  const customer = bundle.customers.find((c) => c.id === agreement.customer);
  const environments = customer?.environments ?? [];
  const environment = environments.find((e) => e.name === agreement.environment);
  const productNames = [...new Set((environment?.products ?? []).map((p) => p.name).filter(Boolean))];
  const option = (e: { id: string; name?: string }) => ({ value: e.id, label: e.name ? `${e.name} (${e.id})` : e.id });
  return (
    <Card path={path} title={agreement.name || agreement.id || 'Unnamed agreement'} actions={<DeleteButton what={`Agreement ${labelOf(agreement)}`} usedBy={[]} onDelete={() => edit((d) => void d.agreements.splice(index, 1))} />}>
      <div className="grid">
        <TextField label="Id" path={at(path, 'id')} value={agreement.id} onChange={(v) => edit((d) => renameEntity(d, 'agreement', index, v))} />
        <TextField label="Name" path={at(path, 'name')} value={agreement.name ?? ''} onChange={(v) => change((a) => void (a.name = v))} />
        <SelectField
          label="Customer"
          path={at(path, 'customer')}
          value={agreement.customer}
          options={bundle.customers.map(option)}
          onChange={(v) =>
            edit((d) => {
              const a = d.agreements[index]!;
              a.customer = v;
              // The environment belongs to the customer: keep it when the new customer has one of that name.
              const envs = d.customers.find((c) => c.id === v)?.environments ?? [];
              if (envs.length > 0 && !envs.some((e) => e.name === a.environment)) a.environment = envs[0]!.name;
            })
          }
        />
        {environments.length > 0 ? (
          <SelectField
            label="Environment"
            path={at(path, 'environment')}
            value={agreement.environment}
            options={environments.map((e) => ({ value: e.name, label: e.name }))}
            onChange={(v) => change((a) => void (a.environment = v))}
          />
        ) : (
          <TextField label="Environment" path={at(path, 'environment')} value={agreement.environment} hint="The customer lists no environments; any name is accepted." onChange={(v) => change((a) => void (a.environment = v))} />
        )}
        <TextField label="Valid from" type="date" path={at(path, 'validFrom')} value={agreement.validFrom} hint="Inclusive, in the calendar’s time zone" onChange={(v) => change((a) => void (a.validFrom = v))} />
        <TextField
          label="Valid to"
          type="date"
          path={at(path, 'validTo')}
          value={agreement.validTo ?? ''}
          hint="Exclusive; empty = open-ended"
          onChange={(v) => change((a) => void (a.validTo = v === '' ? null : v))}
        />
        <SelectField label="Priority model" path={at(path, 'priorityModel')} value={agreement.priorityModel} options={bundle.priorityModels.map(option)} onChange={(v) => change((a) => void (a.priorityModel = v))} />
        <SelectField label="Calendar" path={at(path, 'calendar')} value={agreement.calendar} options={bundle.calendars.map(option)} onChange={(v) => change((a) => void (a.calendar = v))} />
        <SelectField
          label="Measure in"
          path={at(path, 'measureIn')}
          value={agreement.measureIn ?? 'calendar'}
          options={[
            { value: 'calendar', label: "The calendar's own zone" },
            { value: 'site', label: "The request's site: its hours, in its zone" },
          ]}
          hint="With sites: a site's request is measured in the site's calendar, else this calendar read in the site's zone."
          onChange={(v) => change((a) => (v === 'calendar' ? delete a.measureIn : (a.measureIn = 'site')))}
        />
        <SelectField
          label="Renews"
          path={at(path, 'renews')}
          value={agreement.renews ?? ''}
          emptyLabel="Nothing: a first period"
          options={bundle.agreements.filter((a, i) => i !== index && a.customer === agreement.customer && a.environment === agreement.environment).map(option)}
          hint="The period this one continues: it starts where that one ends, and nothing earlier changes."
          onChange={(v) => change((a) => (v === '' ? delete a.renews : (a.renews = v)))}
        />
      </div>
      {productNames.length > 0 ? (
        <CheckboxGroup
          legend={`Products (of ${agreement.environment})`}
          path={at(path, 'products')}
          options={productNames.map((p) => ({ value: p, label: p }))}
          selected={agreement.products}
          noneMeans="any product"
          onChange={(v) => change((a) => void (a.products = v))}
        />
      ) : (
        <StringListEditor label="Products" noun="product" path={at(path, 'products')} values={agreement.products} emptyMeans="Any product." onChange={(v) => change((a) => void (a.products = v))} />
      )}
      <TargetMatrix bundle={bundle} edit={edit} agreementIndex={index} />
      <EscalationsEditor bundle={bundle} edit={edit} agreementIndex={index} />
      <ContractEditor
        path={at(path, 'contract')}
        contract={agreement.contract}
        zone={bundle.calendars.find((c) => c.id === agreement.calendar)?.timezone ?? 'UTC'}
        change={(fn) => change((a) => fn(a.contract!))}
        add={() => change((a) => void (a.contract = newContract(a.validFrom)))}
        remove={() => change((a) => void delete a.contract)}
      />
    </Card>
  );
}

export function AgreementsSection({ bundle, edit }: SectionProps) {
  return (
    <div>
      <SectionIntro addLabel="Add agreement" onAdd={() => edit((d) => void d.agreements.push(newAgreement(d)))}>
        An agreement applies to a request when its customer and environment are the request’s, its products include
        the request’s product (or are empty) and it is valid on the creation date; one naming products wins over one
        that does not, then the first listed.
      </SectionIntro>
      {bundle.agreements.length === 0 && <p className="empty">No agreements yet.</p>}
      {bundle.agreements.map((_, i) => (
        <AgreementEditor key={i} bundle={bundle} edit={edit} index={i} />
      ))}
    </div>
  );
}

