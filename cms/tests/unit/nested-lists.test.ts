import { describe, expect, it } from 'vitest';
import { labelOfList, LISTS_OF_LISTS } from '../../src/admin/staff/nested-lists';
import { componentUids, contentTypeUids, schemaFromFiles } from '../support/schema-files';

/** Whether a component holds a list, itself or through the single components it holds. */
const holdsList = (component: string): boolean =>
  Object.values(schemaFromFiles(component)?.attributes ?? {}).some(
    (inner) => inner.type === 'component' && inner.component && (inner.repeatable || holdsList(inner.component)),
  );

/** Every repeatable component field (`model.field`) whose entries hold a list of their own, at any depth. */
const listsOfListsInSchemas = (): string[] =>
  [...contentTypeUids(), ...componentUids()].flatMap((model) =>
    Object.entries(schemaFromFiles(model)?.attributes ?? {})
      .filter(
        ([, attribute]) =>
          attribute.type === 'component' &&
          attribute.repeatable &&
          attribute.component &&
          holdsList(attribute.component),
      )
      .map(([field]) => `${model}.${field}`),
  );

describe('lists inside lists in the admin', () => {
  it('ask before an entry goes with its own list: every such list of the schemas is named in LISTS_OF_LISTS', () => {
    expect(
      LISTS_OF_LISTS.map(({ model, field }) => `${model}.${field}`).sort(),
      'a list whose entries hold lists: list it in LISTS_OF_LISTS (cms/src/admin/staff/nested-lists.ts)',
    ).toEqual(listsOfListsInSchemas().sort());
  });

  it('are found in the edit view by the label staff read, which the document texts give', () => {
    for (const list of LISTS_OF_LISTS)
      expect(
        labelOfList(list),
        `give ${list.model}.${list.field} a label in cms/src/admin-face/document-texts.ts (or its own module's texts)`,
      ).toBeTruthy();
  });
});
