import type { DocumentActionComponent, DocumentActionDescription } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import { useEditViewLocale } from './history/edit-view-locale';

/**
 * What POST /site-tools/check answers (cms/src/plugins/site-tools/server/form-check.ts):
 * each field the server would refuse.
 */
type FormProblem = { path: string[]; message: string; where: string };
type Errors = { [key: string]: string | Errors };

/** The form's error object has the shape of its values: `sections.5.button.url` → { sections: { 5: { button: { url } } } }. */
const errorsOf = (problems: FormProblem[]): Errors => {
  const errors: Errors = {};
  for (const { path, message } of problems) {
    let node = errors;
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = message;
      else node = typeof node[key] === 'object' ? node[key] : (node[key] = {});
    });
  }
  return errors;
};

/**
 * Strapi's Save and Publish, asking the server first whether it would take the form as it is
 * (the same rules it applies to every write, src/plugins/site-tools/server/form-check.ts).
 * A value it would refuse is marked at its field and named in staff's words, and nothing is
 * sent: the form stays as staff left it. Strapi's own checks in the browser miss some of these
 * rules (links in rich text, rules beyond a field's pattern, and every pattern in a list once one
 * of its items hides the field: its conditional fields are not told apart by item).
 */
const askingFirst = (original: DocumentActionComponent, publishing: boolean): DocumentActionComponent => {
  const Checked: DocumentActionComponent = (props) => {
    const { post } = useFetchClient();
    const { toggleNotification } = useNotification();
    const getValues = useForm('CheckedSave', (state) => state.getValues);
    const setErrors = useForm('CheckedSave', (state) => state.setErrors);
    // From the URL too: a translation not saved yet has no document to say it.
    const locale = useEditViewLocale(props.model, props.document as Record<string, unknown> | undefined);
    const description = original(props) as DocumentActionDescription | null;
    if (!description?.onClick || !props.model.startsWith('api::')) return description;
    const run = description.onClick;
    return {
      ...description,
      onClick: async (event) => {
        let problems: FormProblem[];
        try {
          const { data } = await post<{ problems: FormProblem[] }>('/site-tools/check', {
            uid: props.model,
            documentId: props.documentId,
            // The edit view's language: a Spanish page's address rules are its own.
            locale: locale ?? undefined,
            values: getValues(),
            publishing,
          });
          problems = data.problems;
        } catch {
          // The question could not be asked: the save goes ahead, and the server still checks it.
          return run(event);
        }
        if (problems.length === 0) return run(event);
        setErrors(errorsOf(problems));
        const [first] = problems;
        toggleNotification({
          type: 'danger',
          title: publishing ? 'Not published: fix the marked field first' : 'Not saved: fix the marked field first',
          message: `${first!.where}: ${first!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more, listed under “Before you save”)` : ''}`,
        });
        // Handled: no confirmation dialog opens.
        return true;
      },
    };
  };
  Checked.type = original.type;
  Checked.position = original.position;
  return Checked;
};

/** Save and Publish, each checked by the server before it is sent. */
export const checkedSaveActions = (actions: DocumentActionComponent[]): DocumentActionComponent[] =>
  actions.map((action) =>
    action.type === 'update'
      ? askingFirst(action, false)
      : action.type === 'publish'
        ? askingFirst(action, true)
        : action,
  );
