// The relational checks of the contract-management fields (formats.md §6), run beside the spec's own checks on the
// same raw input, so every problem of a bundle is reported at once. A bundle without these fields gets none.
import { checkContracts } from './bundle-contracts';
import { checkGroupsAndSites } from './bundle-groups';
import { checkMatrices } from './bundle-matrix';
import { checkSuppliers } from './bundle-suppliers';
import type { PathIssue } from './issues';
import { isRecord } from './raw';

export function checkContractManagement(bundle: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  if (!isRecord(bundle)) return out;
  checkMatrices(bundle, out);
  checkGroupsAndSites(bundle, out);
  checkContracts(bundle, out);
  checkSuppliers(bundle, out);
  return out;
}
