import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

/** What the admin routes of src/plugins/site-tools/server/routes.ts answer (the two meet only over HTTP). */
export type BrokenLink = {
  holder: { uid: string; documentId: string; name: string; status: string; locale?: string; single?: boolean };
  where: string;
  text: string;
  problem: string;
  live: boolean;
};
export type Usage = {
  holder: { uid: string; documentId: string; name: string; status: string; locale?: string; single?: boolean };
  where: string;
  live: boolean;
};
export type Overview = {
  site: string;
  waiting: { documentId: string; title: string; path: string; updatedAt: string; published: boolean }[];
  brokenLinks: number;
  liveBrokenLinks: number;
  /** Changes the site never confirmed (cms/src/site-sync/notify-site.ts), newest first. */
  unconfirmed: {
    change: { event: string; uid: string; entry: { title?: string; path?: string } };
    at: string;
    tries: number;
    error: string;
  }[];
};

type Loaded<T> = { data: T | null; error: string | null; loading: boolean };

/** GETs one of the site tools with the staff member's admin session; `path` null waits. */
export const useSiteTools = <T>(path: string | null): Loaded<T> => {
  const { get } = useFetchClient();
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: path !== null });
  useEffect(() => {
    if (path === null) return undefined;
    let current = true;
    setState({ data: null, error: null, loading: true });
    get<T>(`/site-tools${path}`).then(
      ({ data }) => current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        current &&
        setState({ data: null, error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [get, path]);
  return state;
};

/** Where the content manager edits a document, in its language when it has one (a path inside the admin, for its router). */
export const editUrl = (holder: {
  uid: string;
  documentId: string;
  locale?: string | null | undefined;
  single?: boolean;
}): string =>
  `${
    holder.single
      ? `/content-manager/single-types/${holder.uid}`
      : `/content-manager/collection-types/${holder.uid}/${holder.documentId}`
  }${holder.locale ? `?plugins[i18n][locale]=${holder.locale}` : ''}`;
