/**
 * Where a package lives inside a storage location: plain ASCII paths (any disk, any backup tool,
 * any operating system), readable by an administrator: `2025-2026/quarter-1/5A`,
 * `2025-2026/summary-sheets/5A`.
 */

// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'iu', я: 'ia',
};

/** A safe path segment: Latin letters, digits and dashes; Cyrillic transliterated, case kept. */
export const pathSegment = (text: string): string => {
  const latin = [...text]
    .map((char) => {
      const lower = char.toLowerCase();
      const mapped = CYRILLIC[lower];
      if (mapped === undefined) return char;
      return char === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
    })
    .join('');
  return (
    latin
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
};

/** `2025-2026/quarter-1/5A` — a class's journals for one study period. */
export const periodPackagePath = (yearTitle: string, scheme: string, periodNumber: number, groupLabel: string): string =>
  [pathSegment(yearTitle), `${pathSegment(scheme)}-${periodNumber}`, pathSegment(groupLabel)].join('/');

/** `2025-2026/summary-sheets/5A` — a class's summary progress sheet for a school year. */
export const summaryPackagePath = (yearTitle: string, classLabel: string): string =>
  [pathSegment(yearTitle), 'summary-sheets', pathSegment(classLabel)].join('/');

/** A later version of a package sits beside the first: `…/5A-v2`. */
export const versionedPath = (basePath: string, version: number): string => (version > 1 ? `${basePath}-v${version}` : basePath);
