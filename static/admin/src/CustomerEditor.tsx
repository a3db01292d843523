// A customer: the JSM organization its people belong to, and the environments (with installed products and
// versions) that agreements are made for.
import { useState } from 'react';
import type { Customer } from '../../../src/engine/types';
import { Button } from '../../shared/components';
import { Card, DeleteButton, IconButton, SectionIntro, SelectField, TextField } from './controls';
import type { SectionProps } from './editing';
import { FieldErrors } from './errors';
import { useLookups } from './lookups';
import { labelOf, newCustomer, renameEntity, renameEnvironment } from './model';
import { at } from './paths';
import { customerUsage, environmentUsage } from './usage';

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
      </div>
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
