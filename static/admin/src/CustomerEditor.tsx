// A customer: the JSM organization its people belong to, and the environments (with installed products and
// versions) that agreements are made for.
import { useState } from 'react';
import type { Customer, Site } from '../../../src/engine/types';
import { Button } from '../../shared/components';
import { Card, DeleteButton, IconButton, SectionIntro, SelectField, TextField } from './controls';
import type { SectionProps } from './editing';
import { FieldErrors } from './errors';
import { useLookups } from './lookups';
import { labelOf, newCustomer, renameEntity, renameEnvironment, uniqueId } from './model';
import { at } from './paths';
import { customerUsage, environmentUsage } from './usage';
import { knownZones } from './time-zones';

const TYPED = '__typed__';

/** Picks the JSM organization from the site's list; an id not in the list (or no list at all) is typed. */
function OrganizationPicker({ path, value, onChange }: { path: string; value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { organizations } = useLookups();
  const listed = value === undefined || organizations.items.some((o) => o.id === value);
  const [typing, setTyping] = useState(false);
  if (organizations.loading) return <p className="hint">Loading JSM organizations…</p>;
  if (organizations.items.length === 0) {
    return (
      <TextField
        label="JSM organization id"
        path={path}
        value={value ?? ''}
        hint={organizations.error ? `The organizations could not be listed (${organizations.error}); type the id.` : 'No JSM organizations are listed; type the id.'}
        onChange={(v) => onChange(v === '' ? undefined : v)}
      />
    );
  }
  const showTyped = typing || !listed;
  return (
    <div className="row wrap">
      <SelectField
        label="JSM organization"
        path={`${path}.picker`}
        value={showTyped ? TYPED : (value ?? '')}
        emptyLabel="None"
        options={[...organizations.items.map((o) => ({ value: o.id, label: `${o.name} (${o.id})` })), { value: TYPED, label: 'Another id…' }]}
        onChange={(v) => {
          setTyping(v === TYPED);
          if (v !== TYPED) onChange(v === '' ? undefined : v);
        }}
      />
      {showTyped ? <TextField label="Organization id" path={path} value={value ?? ''} onChange={(v) => onChange(v === '' ? undefined : v)} /> : <FieldErrors path={path} />}
    </div>
  );
}


/**
 * The customer's sites (formats.md §6): places with their own zone and, if they want, their own calendar. A request
 * from a site's JSM organization is that site's, and agreements that measure in the site count its hours.
 */
function SitesEditor({ bundle, edit, index }: SectionProps & { index: number }) {
  const customer = bundle.customers[index]!;
  const path = at(at('customers', index), 'sites');
  const sites = customer.sites ?? [];
  const change = (fn: (sites: Site[]) => void) =>
    edit((d) => {
      const c = d.customers[index]!;
      const list = (c.sites ??= []);
      fn(list);
      if (list.length === 0) delete c.sites;
    });
  const calendars = bundle.calendars.map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.id})` : c.id }));
  return (
    <fieldset className="field" data-path={path} data-testid={`sites-${index}`}>
      <legend className="field-label">Sites</legend>
      <p className="hint">Offices in their own time zones. Agreements that measure in the site count that site&apos;s hours.</p>
      {sites.map((site, s) => {
        const own = at(path, s);
        const name = site.name || site.id || `site ${s + 1}`;
        return (
          <div key={s} className="subcard" data-path={own} data-testid={`site-${index}-${s}`}>
            <div className="row wrap">
              <TextField label={`Id of site ${s + 1}`} path={at(own, 'id')} value={site.id} onChange={(v) => change((l) => void (l[s]!.id = v))} />
              <TextField label={`Name of site ${s + 1}`} path={at(own, 'name')} value={site.name ?? ''} onChange={(v) => change((l) => (v === '' ? delete l[s]!.name : (l[s]!.name = v)))} />
              <TextField label={`Time zone of site ${s + 1}`} path={at(own, 'timezone')} value={site.timezone} placeholder="America/New_York" suggestions={knownZones()} onChange={(v) => change((l) => void (l[s]!.timezone = v))} />
              <SelectField
                label={`Own calendar of site ${s + 1}`}
                path={at(own, 'calendar')}
                value={site.calendar ?? ''}
                emptyLabel="None: the agreement's hours in this zone"
                options={calendars}
                onChange={(v) => change((l) => (v === '' ? delete l[s]!.calendar : (l[s]!.calendar = v)))}
              />
              <DeleteButton label="Remove" what={`Site “${name}”`} usedBy={[]} onDelete={() => change((l) => void l.splice(s, 1))} />
            </div>
            <OrganizationPicker path={at(own, 'organizationId')} value={site.organizationId} onChange={(id) => change((l) => (id === undefined ? delete l[s]!.organizationId : (l[s]!.organizationId = id)))} />
            <FieldErrors path={own} />
          </div>
        );
      })}
      <Button
        appearance="link"
        onClick={() => change((l) => void l.push({ id: uniqueId(`${customer.id || 'customer'}-site`, bundle.customers.flatMap((c) => c.sites ?? []).map((x) => x.id)), timezone: Intl.DateTimeFormat().resolvedOptions().timeZone }))}
      >
        + Add site
      </Button>
      <FieldErrors path={path} />
    </fieldset>
  );
}

export function CustomerEditor({ bundle, edit, index }: SectionProps & { index: number }) {
  const customer: Customer = bundle.customers[index]!;
  const path = at('customers', index);
  const envsPath = at(path, 'environments');
  const change = (fn: (c: Customer) => void) => edit((d) => fn(d.customers[index]!));
  return (
    <Card
      path={path}
      title={customer.name || customer.id || 'Unnamed customer'}
      actions={<DeleteButton what={`Customer ${labelOf(customer)}`} usedBy={customerUsage(bundle, customer.id)} onDelete={() => edit((d) => void d.customers.splice(index, 1))} />}
    >
      <div className="grid">
        <TextField label="Id" path={at(path, 'id')} value={customer.id} onChange={(v) => edit((d) => renameEntity(d, 'customer', index, v))} />
        <TextField label="Name" path={at(path, 'name')} value={customer.name ?? ''} onChange={(v) => change((c) => void (c.name = v))} />
        <OrganizationPicker
          path={at(path, 'organizationId')}
          value={customer.organizationId}
          onChange={(id) => change((c) => (id === undefined ? delete c.organizationId : (c.organizationId = id)))}
        />
        <SelectField
          label="Group"
          path={at(path, 'parent')}
          value={customer.parent ?? ''}
          emptyLabel="None"
          options={bundle.customers.filter((c, i) => i !== index && c.id !== '').map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.id})` : c.id }))}
          hint="A member without an agreement of its own for an environment is measured by its group's."
          onChange={(v) => change((c) => (v === '' ? delete c.parent : (c.parent = v)))}
        />
      </div>
      <SitesEditor bundle={bundle} edit={edit} index={index} />
      <fieldset className="field" data-path={envsPath}>
        <legend className="field-label">Environments</legend>
        {customer.environments.map((environment, e) => {
          const envPath = at(envsPath, e);
          const productsPath = at(envPath, 'products');
          return (
            <div key={e} className="subcard" data-path={envPath}>
              <div className="row wrap">
                <TextField label={`Environment ${e + 1}`} path={at(envPath, 'name')} value={environment.name} onChange={(v) => edit((d) => renameEnvironment(d, index, e, v))} />
                <DeleteButton
                  label="Remove"
                  what={`Environment “${environment.name}”`}
                  usedBy={environmentUsage(bundle, customer.id, environment.name)}
                  onDelete={() => change((c) => void c.environments.splice(e, 1))}
                />
              </div>
              <FieldErrors path={envPath} />
              <table className="table">
                <thead>
                  <tr>
                    <th>Product</th>
                    <th>Version</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {environment.products.map((product, p) => {
                    const productPath = at(productsPath, p);
                    return (
                      <tr key={p} data-path={productPath}>
                        <td>
                          <TextField
                            compact
                            label={`Product ${p + 1} of ${environment.name || `environment ${e + 1}`}`}
                            path={at(productPath, 'name')}
                            value={product.name}
                            onChange={(v) => change((c) => void (c.environments[e]!.products[p]!.name = v))}
                          />
                        </td>
                        <td>
                          <TextField
                            compact
                            label={`Version of product ${p + 1} of ${environment.name || `environment ${e + 1}`}`}
                            path={at(productPath, 'version')}
                            value={product.version ?? ''}
                            placeholder="5.2.0"
                            onChange={(v) => change((c) => {
                              const target = c.environments[e]!.products[p]!;
                              if (v === '') delete target.version;
                              else target.version = v;
                            })}
                          />
                        </td>
                        <td>
                          <IconButton label={`Remove product ${p + 1} of ${environment.name || `environment ${e + 1}`}`} onClick={() => change((c) => void c.environments[e]!.products.splice(p, 1))}>
                            ×
                          </IconButton>
                          <FieldErrors path={productPath} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <Button appearance="link" onClick={() => change((c) => void c.environments[e]!.products.push({ name: '' }))}>
                + Add product
              </Button>
              <FieldErrors path={productsPath} />
            </div>
          );
        })}
        <Button appearance="link" onClick={() => change((c) => void c.environments.push({ name: `Environment ${c.environments.length + 1}`, products: [] }))}>
          + Add environment
        </Button>
        <FieldErrors path={envsPath} />
      </fieldset>
    </Card>
  );
}

export function CustomersSection({ bundle, edit }: SectionProps) {
  return (
    <div>
      <SectionIntro addLabel="Add customer" onAdd={() => edit((d) => void d.customers.push(newCustomer(d)))}>
        Customers are JSM organizations with the environments and products they run; agreements are made per
        customer and environment.
      </SectionIntro>
      {bundle.customers.length === 0 && <p className="empty">No customers yet.</p>}
      {bundle.customers.map((_, i) => (
        <CustomerEditor key={i} bundle={bundle} edit={edit} index={i} />
      ))}
    </div>
  );
}
