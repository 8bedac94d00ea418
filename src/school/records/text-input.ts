/**
 * A text field as a write gives it. The document service would turn a number, an object or a list
 * into text with `String()` ("12345", "[object Object]", "a,b") and store it; our rules read text
 * fields through this helper instead, so such a value is refused (HTTP 400), never stored.
 */
export type TextInput = { ok: true; text: string | null } | { ok: false };

/** `null`/`undefined` and blank strings read as empty (`text: null`); other strings are trimmed. */
export const readTextInput = (value: unknown): TextInput => {
  if (value === null || value === undefined) return { ok: true, text: null };
  if (typeof value !== 'string') return { ok: false };
  const text = value.trim();
  return { ok: true, text: text.length > 0 ? text : null };
};

export const NOT_TEXT_MESSAGE = 'Ожидается текст (строка), а не число, список или объект';
