import { Badge, Flex, Typography } from '@strapi/design-system';
import { languageName } from '../history/edit-view-locale';
import { when } from '../history/history-types';
import { EnglishChanges } from './english-changes';
import { STATE_TEXT, type PageTranslations, type Translation } from './translation-types';

/** One language's state in words: what it is, since when, and what to do next. */
export const TranslationSummary = ({ page, translation }: { page: PageTranslations; translation: Translation }) => {
  const language = languageName(translation.locale);
  const { label, tone } = STATE_TEXT[translation.state];
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2}>
        <Typography fontWeight="bold">{language}</Typography>
        <Badge
          backgroundColor={`${tone}100`}
          textColor={`${tone}700`}
          aria-label={`${language}: ${label.toLowerCase()}`}
        >
          {label}
        </Badge>
      </Flex>
      <Typography variant="pi" tag="p">
        {translation.state === 'missing'
          ? translation.draft
            ? `A ${language} draft is saved (${translation.draft.path}) but not published.`
            : `No ${language} version yet: choose ${language} in the language menu at the top, then “Fill in from another locale” to start from the English.`
          : translation.state === 'out-of-date'
            ? `The English was published on ${when(page.publishedAt!)}, after the ${language} (${when(translation.publishedAt!)}).`
            : `Published ${when(translation.publishedAt!)}, after the English.`}
      </Typography>
      {translation.compare && (
        <EnglishChanges older={translation.compare.older} newer={translation.compare.newer} title={page.title} />
      )}
    </Flex>
  );
};
