// The version order (formats.md §9) as a table: each row a pair and the order between them, both ways, and the sort
// key agreeing; then the texts that are no version, each with its reason.
import { compareVersions, formatVersion, parseVersion, versionSortKey, type Version } from '../../src/engine/version';

function version(text: string): Version {
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.version;
}

function keyOrder(a: string, b: string): number {
  const ka = versionSortKey(version(a));
  const kb = versionSortKey(version(b));
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

describe('version order', () => {
  test.each([
    ['5.3.0', '<', '5.3.1'],
    ['5.3.1', '<', '5.4.0'],
    ['5.9.9', '<', '5.10.0'],
    ['5.10.0', '<', '6.0.0'],
    ['1.2.3.4', '<', '1.2.3.5'],
    ['1.2.3', '<', '1.2.3.1'],
    ['5.3', '=', '5.3.0'],
    ['5.3', '=', '5.3.0.0'],
    ['5', '<', '5.0.1'],
    ['2024.10', '<', '2024.11'],
    ['05.03.01', '=', '5.3.1'],
    ['5.3.010', '=', '5.3.10'],
    ['5.3.1+build.7', '=', '5.3.1'],
    ['5.3.1+a', '=', '5.3.1+b'],
    ['5.3.1-rc.1+exp', '=', '5.3.1-rc.1'],
    ['99999999999999999999999.0', '<', '100000000000000000000000.0'],
    ['5.3.1-rc.1', '<', '5.3.1'],
    ['5.3.0', '<', '5.3.1-rc.1'],
    ['5.3.1-rc.1', '<', '5.3.1.1-alpha'],
    ['5.3-rc.1', '=', '5.3.0-rc.1'],
    ['1.0.0-alpha', '<', '1.0.0-alpha.1'],
    ['1.0.0-alpha.1', '<', '1.0.0-alpha.beta'],
    ['1.0.0-alpha.beta', '<', '1.0.0-beta'],
    ['1.0.0-beta', '<', '1.0.0-beta.2'],
    ['1.0.0-beta.2', '<', '1.0.0-beta.11'],
    ['1.0.0-beta.11', '<', '1.0.0-rc.1'],
    ['1.0.0-rc.1', '<', '1.0.0'],
    ['1.0.0-rc.01', '=', '1.0.0-rc.1'],
    ['1.0.0-1', '<', '1.0.0-a'],
    ['1.0.0-rc', '<', '1.0.0-rc-1'],
    ['1.0.0-rc', '<', '1.0.0-rc1'],
    ['1.0.0-rc1', '<', '1.0.0-rc2'],
    ['1.0.0-rc10', '<', '1.0.0-rc2'],
    ['1.0.0-RC', '<', '1.0.0-rc'],
    ['5.3.0-rc1', '<', '5.3.0'],
    ['5.2.0', '<', '5.3.0-rc1'],
    ['0', '=', '0.0.0'],
    ['0-rc', '<', '0'],
  ])('%s %s %s', (a, relation, b) => {
    const expected = relation === '<' ? -1 : relation === '=' ? 0 : 1;
    expect(compareVersions(version(a), version(b))).toBe(expected);
    expect(compareVersions(version(b), version(a))).toBe(-expected || 0);
    expect(keyOrder(a, b)).toBe(expected);
  });

  test.each([
    ['05.3.1', '5.3.1'],
    ['5.3.1-rc.01', '5.3.1-rc.1'],
    ['5.3.0-rc1+build.007', '5.3.0-rc1+build.007'],
    ['2024.10.0.17', '2024.10.0.17'],
    ['5.3', '5.3'],
  ])('%s is written %s', (text, written) => {
    expect(formatVersion(version(text))).toBe(written);
  });

  test.each([
    ['5.3.1', '015013011/'],
    ['5.3.0', '015013/'],
    ['5.3.0-rc.1', '015013-2rc!1011'],
    ['12.0.1-beta', '0212010011-2beta!'],
  ])('the sort key of %s is %s', (text, key) => {
    expect(versionSortKey(version(text))).toBe(key);
  });
});

describe('texts that are no version', () => {
  test.each([
    ['v5.3.1', '"v5.3.1" starts with "v"; write the version without it (5.3.1)'],
    ['V2', '"V2" starts with "V"; write the version without it (2)'],
    ['5..3', '"5..3" has an empty number (two dots together, or a dot at an end)'],
    ['5.3.', '"5.3." has an empty number'],
    ['.5.3', '".5.3" has an empty number'],
    ['latest', '"latest" is not a version: "latest" is not a number'],
    ['5.3.x', '"5.3.x" is not a version: "x" is not a number'],
    ['-rc.1', '"-rc.1" does not start with a number'],
    ['5.3.1-', '"5.3.1-" has an empty pre-release identifier'],
    ['5.3.1-rc..1', '"5.3.1-rc..1" has an empty pre-release identifier'],
    ['5.3.1+', '"5.3.1+" has an empty build metadata identifier'],
    ['5.3.1-rc_1', '"5.3.1-rc_1" has "_" in its pre-release'],
    ['5.3.1+build/7', '"5.3.1+build/7" has "/" in its build metadata'],
    ['5.3 .1', '"5.3 .1" contains spaces'],
    [' 5.3.1', 'contains spaces'],
    ['', 'a version is required'],
    ['1.'.repeat(40) + '1', 'is longer than 64 characters'],
  ])('%j is refused: %s', (text, reason) => {
    const parsed = parseVersion(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
