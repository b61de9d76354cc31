import { Box, Typography } from '@strapi/design-system';
import { unstable_useDocumentLayout, useForm } from '@strapi/strapi/admin';
import { useIntl, type MessageDescriptor } from 'react-intl';

type Field = {
  name: string;
  label: string;
  hint?: string;
  attribute: { type: string; component?: string; repeatable?: boolean };
};
type Layout = ReturnType<typeof unstable_useDocumentLayout>['edit'];
type Problem = { path: string[]; message: string | MessageDescriptor };

/** The admin keeps errors as an object shaped like the form's values; its leaves are messages. */
const flatten = (errors: unknown, path: string[] = []): Problem[] => {
  if (typeof errors === 'string') return [{ path, message: errors }];
  if (typeof errors !== 'object' || errors === null) return [];
  if ('id' in errors && 'defaultMessage' in errors) return [{ path, message: errors as MessageDescriptor }];
  return Object.entries(errors).flatMap(([key, value]) => flatten(value, [...path, key]));
};

/** The field an error path points at, through components and the sections zone, with the values to tell which section it is. */
const fieldAt = (layout: Layout, values: unknown, path: string[]): { field: Field; where: string[] } | undefined => {
  let fields: Field[] = layout.layout.flat(2) as unknown as Field[];
  let value: unknown = values;
  const where: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const field = fields.find((f) => f.name === path[i] || f.name.endsWith(`.${path[i]}`));
    if (!field) return undefined;
    value = (value as Record<string, unknown> | undefined)?.[path[i]!];
    if (i === path.length - 1) return { field, where };
    const { type, component, repeatable } = field.attribute;
    if (type === 'dynamiczone' || (type === 'component' && repeatable)) {
      i += 1;
      value = (value as unknown[] | undefined)?.[Number(path[i])];
      const uid = type === 'dynamiczone' ? (value as { __component?: string } | undefined)?.__component : component;
      if (!uid) return undefined;
      where.push(`${layout.components[uid]?.settings.displayName ?? uid} ${Number(path[i]) + 1}`);
      fields = (layout.components[uid]?.layout.flat() ?? []) as unknown as Field[];
    } else if (type === 'component' && component) {
      fields = (layout.components[component]?.layout.flat() ?? []) as unknown as Field[];
    } else {
      return undefined;
    }
  }
  return undefined;
};

/**
 * Strapi shows a field's error in place of its help text, so the rule a value breaks would
 * vanish just when staff need it. This side panel lists every field the form refuses, with
 * what it takes (its help text), until it is fixed; it is not there when nothing is wrong.
 */
export const FieldRulesPanel = ({ model }: { model: string }) => {
  const { formatMessage } = useIntl();
  const errors = useForm('FieldRulesPanel', (state) => state.errors);
  const values = useForm('FieldRulesPanel', (state) => state.values);
  const { edit } = unstable_useDocumentLayout(model);
  const problems = flatten(errors);
  if (problems.length === 0) return null;
  return {
    title: 'Before you save',
    content: (
      <Box tag="ul" width="100%">
        {problems.map(({ path, message }) => {
          const found = fieldAt(edit, values, path);
          const text =
            typeof message === 'string'
              ? message
              : formatMessage(message, (message as { values?: Record<string, string> }).values);
          return (
            <Box tag="li" key={path.join('.')} paddingBottom={3}>
              <Typography variant="omega" fontWeight="bold" tag="p">
                {[...(found?.where ?? []), found?.field.label ?? path.join('.')].join(' › ')}
              </Typography>
              <Typography variant="pi" textColor="danger600" tag="p">
                {text}
              </Typography>
              {found?.field.hint && (
                <Typography variant="pi" textColor="neutral700" tag="p">
                  {found.field.hint}
                </Typography>
              )}
            </Box>
          );
        })}
      </Box>
    ),
  };
};
