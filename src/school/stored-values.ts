/**
 * A stored number as a number, null when absent: PostgreSQL hands decimals and big integers back as
 * strings, SQLite as numbers, and a missing relation or empty column as null or undefined.
 */
export const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
