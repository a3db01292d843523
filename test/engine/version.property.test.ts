// Laws of the version order (formats.md §9) over random versions: numbers of any size with leading zeros, any
// number of them, pre-releases mixing numbers and words, build metadata.
import fc from 'fast-check';
import { compareVersions, formatVersion, parseVersion, versionSortKey, VERSION_MAX_LENGTH, type Version } from '../../src/engine/version';

const digits = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map(String),
  fc.stringMatching(/^0{0,2}[0-9]{1,22}$/),
);
const word = fc.stringMatching(/^[0-9A-Za-z-]{0,3}[A-Za-z-][0-9A-Za-z-]{0,3}$/);
const identifier = fc.oneof(digits, word, fc.constantFrom('rc', 'alpha', 'beta', 'rc1', 'rc10', 'RC'));
const versionText = fc
  .record({
    release: fc.array(digits, { minLength: 1, maxLength: 5 }),
    zeros: fc.integer({ min: 0, max: 2 }),
    prerelease: fc.array(identifier, { maxLength: 3 }),
    build: fc.array(fc.stringMatching(/^[0-9A-Za-z-]{1,4}$/), { maxLength: 2 }),
  })
  .map(({ release, zeros, prerelease, build }) => {
    const numbers = [...release, ...Array<string>(zeros).fill('0')].join('.');
    return `${numbers}${prerelease.length > 0 ? `-${prerelease.join('.')}` : ''}${build.length > 0 ? `+${build.join('.')}` : ''}`;
  })
  .filter((text) => text.length <= VERSION_MAX_LENGTH);

function version(text: string): Version {
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.version;
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('version order laws', () => {
  test('every generated text is a version, and printing then reading gives the same version', () => {
    fc.assert(
      fc.property(versionText, (text) => {
        const v = version(text);
        const again = version(formatVersion(v));
        expect(again).toEqual(v);
        expect(formatVersion(again)).toBe(formatVersion(v));
      }),
    );
  });

  test('antisymmetric: a before b exactly when b after a', () => {
    fc.assert(
      fc.property(versionText, versionText, (a, b) => {
        expect(compareVersions(version(a), version(b))).toBe(-compareVersions(version(b), version(a)) || 0);
      }),
    );
  });

  test('reflexive, and build metadata never matters', () => {
    fc.assert(
      fc.property(versionText, (text) => {
        const v = version(text);
        expect(compareVersions(v, v)).toBe(0);
        expect(compareVersions(v, { ...v, build: ['other'] })).toBe(0);
      }),
    );
  });

  test('transitive: a ≤ b and b ≤ c give a ≤ c, whichever way the three are drawn', () => {
    fc.assert(
      fc.property(versionText, versionText, versionText, (x, y, z) => {
        const [a, b, c] = [x, y, z].map(version).sort(compareVersions) as [Version, Version, Version];
        expect(compareVersions(a, b)).toBeLessThanOrEqual(0);
        expect(compareVersions(b, c)).toBeLessThanOrEqual(0);
        expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
        if (compareVersions(a, b) < 0 || compareVersions(b, c) < 0) expect(compareVersions(a, c)).toBe(-1);
      }),
    );
  });

  test('the sort key orders exactly as the version order', () => {
    fc.assert(
      fc.property(versionText, versionText, (a, b) => {
        const ka = versionSortKey(version(a));
        const kb = versionSortKey(version(b));
        expect(sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(compareVersions(version(a), version(b)));
      }),
    );
  });

  test('the sort key orders a version next to its near neighbours (same numbers, pre-release or not, one more number)', () => {
    fc.assert(
      fc.property(versionText, identifier, (text, id) => {
        const v = version(text);
        const neighbours = [
          { ...v, prerelease: [] },
          { ...v, prerelease: [...v.prerelease, id] },
          { ...v, release: [...v.release, '0'] },
          { ...v, release: [...v.release, '1'] },
          { ...v, prerelease: [id] },
        ].map((n) => version(formatVersion(n)));
        for (const n of neighbours) {
          const ka = versionSortKey(v);
          const kb = versionSortKey(n);
          expect(sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(compareVersions(v, n));
        }
      }),
    );
  });
});
