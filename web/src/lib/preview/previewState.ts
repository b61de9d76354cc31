import { fetchPublishedVersion, type CmsPage } from '../cms/cmsContent';

/**
 * What a preview shows, for its banner: the published page, or a draft that is the same as the
 * published page, differs from it, or was never published.
 */
export type PreviewState = 'published' | 'unchanged' | 'changed' | 'never-published' | 'version';

/** Ids and timestamps differ between a draft and its published copy even when nothing else does. */
const content = (page: CmsPage): string =>
  JSON.stringify(
    { title: page.title, path: page.path, description: page.description, sections: page.sections },
    (key, value: unknown) =>
      key === 'id' || key === 'updatedAt' || key === 'createdAt' || key === 'publishedAt' ? undefined : value,
  );

export const previewStateOf = async (draft: CmsPage): Promise<PreviewState> => {
  const live = await fetchPublishedVersion(draft.documentId, draft.locale).catch(() => null);
  if (!live) return 'never-published';
  return content(live) === content(draft) ? 'unchanged' : 'changed';
};
