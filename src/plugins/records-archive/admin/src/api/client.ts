import * as React from 'react';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import { useT } from '../utils/translations';

export const BASE = `/${PLUGIN_ID}`;

/** The server's message of a failed request (`response.data.error.message`), else the error's own. */
export const errorMessage = (error: unknown): string | null => {
  if (isFetchError(error)) return error.response?.data?.error?.message ?? error.message ?? null;
  if (error instanceof Error) return error.message;
  return null;
};

/** The field-level refusals of a 400 (`error.details.errors`), by field path. */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  if (!isFetchError(error)) return {};
  const details = error.response?.data?.error?.details as { errors?: Array<{ path: string[]; message: string }> } | undefined;
  return Object.fromEntries((details?.errors ?? []).map((issue) => [issue.path.join('.'), issue.message]));
};

/** Shows a failed request's server message as a danger notification. */
export const useReportError = () => {
  const { toggleNotification } = useNotification();
  const { t } = useT();
  return React.useCallback(
    (error: unknown) =>
      toggleNotification({ type: 'danger', message: errorMessage(error) ?? t('error.unknown', 'Не удалось выполнить запрос') }),
    [toggleNotification],
  );
};

export interface Loaded<T> {
  data: T | null;
  isLoading: boolean;
  error: unknown;
  reload: () => void;
}

/** Loads `url` with the admin fetch client (re-loads when the url changes or on `reload`); errors go to a notification. */
export const useLoad = <T>(url: string | null, params?: Record<string, unknown>): Loaded<T> => {
  const { get } = useFetchClient();
  const report = useReportError();
  const [state, setState] = React.useState<{ data: T | null; isLoading: boolean; error: unknown }>({
    data: null,
    isLoading: Boolean(url),
    error: null,
  });
  const [tick, setTick] = React.useState(0);
  const key = JSON.stringify(params ?? {});
  React.useEffect(() => {
    if (!url) return;
    let cancelled = false;
    setState((previous) => ({ ...previous, isLoading: true, error: null }));
    get<T>(url, { params: JSON.parse(key) as Record<string, unknown> })
      .then(({ data }) => {
        if (!cancelled) setState({ data, isLoading: false, error: null });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setState({ data: null, isLoading: false, error });
        report(error);
      });
    return () => {
      cancelled = true;
    };
  }, [url, key, tick]);
  const reload = React.useCallback(() => setTick((value) => value + 1), []);
  return { ...state, reload };
};

/** Downloads a protected file (the admin token goes with the request) and saves it under `filename`. */
export const useDownload = () => {
  const { get } = useFetchClient();
  const report = useReportError();
  return React.useCallback(
    async (url: string, filename: string, params?: Record<string, unknown>) => {
      try {
        const response = await get(url, { responseType: 'blob', params });
        const disposition = response.headers?.get('content-disposition') ?? '';
        // The UTF-8 name (`filename*=UTF-8''…`, RFC 6266) wins over the ASCII fallback (`filename="…"`).
        const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
        const ascii = /filename="?([^";]+)"?/i.exec(disposition);
        const link = document.createElement('a');
        link.href = URL.createObjectURL(response.data);
        link.download = utf8 ? decodeURIComponent(utf8[1]) : (ascii?.[1] ?? filename);
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      } catch (error) {
        report(error);
      }
    },
    [get],
  );
};

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface ListResponse<T> {
  data: T[];
  meta?: { pagination?: Pagination; total?: number };
}
