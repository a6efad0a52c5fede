/**
 * Version order for updates, as SemVer 2.0.0 defines precedence: major, minor, patch as numbers; a
 * pre-release sorts before its release; pre-release parts compare one by one — numbers as numbers
 * (`beta.9` < `beta.10`), numbers before words, words in ASCII order, and a shorter list first when
 * all its parts are equal. (Comparing the pre-release as text put `beta.10` before `beta.9`, so a
 * tester on beta.9 was never offered beta.10.) Build metadata (`+…`) is ignored.
 */

const NUMERIC = /^\d+$/;

function parts(version: string): { core: number[]; pre: string[] } {
  const plain = version.split('+', 1)[0] ?? '';
  const dash = plain.indexOf('-');
  const core = (dash < 0 ? plain : plain.slice(0, dash))
    .split('.')
    .map(n => Number.parseInt(n, 10) || 0);
  return { core, pre: dash < 0 ? [] : plain.slice(dash + 1).split('.') };
}

function compareIdentifiers(a: string, b: string): number {
  const aNum = NUMERIC.test(a);
  const bNum = NUMERIC.test(b);
  if (aNum && bNum) return Math.sign(Number(a) - Number(b));
  if (aNum !== bNum) return aNum ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Compares `a` and `b` as semantic versions: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i += 1) {
    const d = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // A release (no pre-release parts) comes after every pre-release of it.
  if (x.pre.length === 0 || y.pre.length === 0) return Math.sign(y.pre.length - x.pre.length);
  for (let i = 0; i < Math.min(x.pre.length, y.pre.length); i += 1) {
    const d = compareIdentifiers(x.pre[i] ?? '', y.pre[i] ?? '');
    if (d !== 0) return d;
  }
  return Math.sign(x.pre.length - y.pre.length);
}
