import { Box, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useForm } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import { mapGuide, type GuideDraft, type GuideNode } from '../../../record-guide/guide-map';
import { useEditViewLocale } from '../history/edit-view-locale';
import { useSiteTools } from '../site-tools-api';

const RECORD_GUIDE = 'api::record-guide.record-guide';

type Counts = { counts: { outcome: string; month: string; count: number }[] };

/** One part of the tree: a question with where each answer leads, or where a path ends. */
const Node = ({ node }: { node: GuideNode }) => {
  switch (node.kind) {
    case 'step':
      return (
        <>
          <Typography variant="pi" fontWeight="bold" tag="span">
            {node.question || '(a question without wording)'}
          </Typography>
          <Box tag="ul" paddingLeft={3}>
            {node.answers.map((answer, index) => (
              <Box tag="li" key={index} paddingTop={1}>
                <Typography variant="pi" tag="span">
                  “{answer.label || '…'}” →{' '}
                </Typography>
                <Node node={answer.to} />
              </Box>
            ))}
          </Box>
        </>
      );
    case 'outcome':
      return (
        <Typography variant="pi" tag="span" textColor="success700">
          Outcome: {node.title || node.key}
        </Typography>
      );
    case 'seen':
      return (
        <Typography variant="pi" tag="span" textColor="neutral600">
          {node.label} (shown above)
        </Typography>
      );
    case 'loop':
      return (
        <Typography variant="pi" tag="span" textColor="danger700">
          back to {node.label}: a loop
        </Typography>
      );
    case 'nowhere':
      return (
        <Typography variant="pi" tag="span" textColor="danger700">
          nowhere{node.leadsTo ? ` (“${node.leadsTo}” is no key)` : ''}
        </Typography>
      );
  }
};

/**
 * "Guide map": the record guide as staff are writing it, drawn as a tree from its first question,
 * with what would keep it from being published (answers leading nowhere, loops, questions or
 * outcomes nothing leads to), worked out from the form as it is now, before any save. The same
 * check refuses the publish (src/record-guide/guide-publish.ts). Then how often visitors reached
 * each outcome: all the site keeps of them.
 */
export const GuideMapPanel: PanelComponent = ({ model, document }) => {
  const values = useForm('GuideMapPanel', (state) => state.values) as GuideDraft;
  const locale = useEditViewLocale(model, document as Record<string, unknown> | undefined);
  const map = useMemo(() => mapGuide(values), [values]);
  const counts = useSiteTools<Counts>(
    model === RECORD_GUIDE ? `/record-guide/counts?${new URLSearchParams({ locale: locale ?? 'en' })}` : null,
  );
  if (model !== RECORD_GUIDE) return null;
  const blocking = map.problems.filter((problem) => problem.blocksPublish);
  const warnings = map.problems.filter((problem) => !problem.blocksPublish);
  return {
    title: 'Guide map',
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        {blocking.length > 0 ? (
          <Box>
            <Typography variant="pi" fontWeight="bold" textColor="danger700" tag="p">
              {blocking.length === 1 ? 'One problem stops' : `${blocking.length} problems stop`} this guide from being
              published:
            </Typography>
            <Box tag="ul" paddingLeft={3}>
              {blocking.map((problem, index) => (
                <Box tag="li" key={index} paddingTop={1}>
                  <Typography variant="pi" textColor="danger700">
                    {problem.message}
                  </Typography>
                </Box>
              ))}
            </Box>
          </Box>
        ) : (
          <Typography variant="pi" textColor="success700" tag="p">
            Every answer leads somewhere and every question and outcome is reached
            {map.longestPath > 0
              ? ` (at most ${map.longestPath} question${map.longestPath === 1 ? '' : 's'} on a path)`
              : ''}
            .
          </Typography>
        )}
        {warnings.map((problem, index) => (
          <Typography key={index} variant="pi" textColor="warning700" tag="p">
            {problem.message}
          </Typography>
        ))}
        {map.start && (
          <Box tag="div" aria-label="The guide as a tree, from its first question">
            <Node node={map.start} />
          </Box>
        )}
        <Box>
          <Typography variant="pi" fontWeight="bold" tag="p">
            Outcomes reached by visitors
          </Typography>
          {counts.data && counts.data.counts.length > 0 ? (
            <Box tag="ul" paddingLeft={3}>
              {counts.data.counts.map((row) => (
                <Box tag="li" key={`${row.month} ${row.outcome}`}>
                  <Typography variant="pi">
                    {row.month}: {row.outcome}, {row.count}
                  </Typography>
                </Box>
              ))}
            </Box>
          ) : (
            <Typography variant="pi" textColor="neutral600" tag="p">
              {counts.error ? `Could not read the counts: ${counts.error}` : counts.loading ? 'Reading…' : 'None yet.'}
            </Typography>
          )}
          <Typography variant="pi" textColor="neutral600" tag="p">
            Only these counts are kept: never a visitor's answers.
          </Typography>
        </Box>
      </Flex>
    ),
  };
};
