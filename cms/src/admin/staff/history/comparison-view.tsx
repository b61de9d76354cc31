import { Badge, Box, Checkbox, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { mediaUrl, type Comparison, type FieldChange, type Piece, type SectionChange } from './history-types';

const STATUS: Record<SectionChange['status'], { label: string; background: string; color: string }> = {
  added: { label: 'Added', background: 'success100', color: 'success700' },
  removed: { label: 'Removed', background: 'danger100', color: 'danger700' },
  moved: { label: 'Moved', background: 'secondary100', color: 'secondary700' },
  changed: { label: 'Changed', background: 'warning100', color: 'warning700' },
  unchanged: { label: 'Unchanged', background: 'neutral150', color: 'neutral700' },
};

/** A text with the words that changed marked: added underlined in green, removed struck through in red. */
const Words = ({ pieces }: { pieces: Piece[] }) => (
  <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
    {pieces.map((piece, index) =>
      piece.added ? (
        <ins key={index} style={{ background: '#c6f6c2', textDecorationColor: '#2f6846' }}>
          {piece.value}
        </ins>
      ) : piece.removed ? (
        <del key={index} style={{ background: '#fbd3d3', color: '#8a1c1c' }}>
          {piece.value}
        </del>
      ) : (
        <span key={index}>{piece.value}</span>
      ),
    )}
  </Typography>
);

const Picture = ({
  image,
  caption,
}: {
  image: { url: string; name: string; alt: string | null } | null;
  caption: string;
}) => (
  <Flex direction="column" alignItems="flex-start" gap={1} style={{ flex: 1 }}>
    <Typography variant="pi" textColor="neutral600">
      {caption}
    </Typography>
    {image ? (
      <>
        <img
          src={mediaUrl(image.url)}
          alt={image.alt ?? ''}
          style={{ maxWidth: '100%', maxHeight: 160, objectFit: 'contain', border: '1px solid #dcdce4' }}
        />
        <Typography variant="pi">{image.name}</Typography>
      </>
    ) : (
      <Typography variant="pi" textColor="neutral500">
        (none)
      </Typography>
    )}
  </Flex>
);

const Change = ({ change }: { change: FieldChange }) => (
  <Box paddingTop={2} paddingBottom={2}>
    <Typography variant="sigma" textColor="neutral600" tag="h4">
      {change.label || 'Text'}
    </Typography>
    {change.kind === 'image' && change.images ? (
      <Flex gap={4} alignItems="flex-start" paddingTop={1}>
        <Picture image={change.images.before} caption="Before" />
        <Picture image={change.images.after} caption="After" />
      </Flex>
    ) : change.kind === 'link' ? (
      <Typography variant="omega" tag="p">
        <del style={{ background: '#fbd3d3', color: '#8a1c1c' }}>{change.before || '(none)'}</del> →{' '}
        <ins style={{ background: '#c6f6c2' }}>{change.after || '(none)'}</ins>
      </Typography>
    ) : (
      <Words pieces={change.words ?? [{ value: change.after }]} />
    )}
  </Box>
);

const Section = ({ section }: { section: SectionChange }) => {
  const status = STATUS[section.status];
  const place =
    section.status === 'moved'
      ? `was ${section.before}, now ${section.after}`
      : section.after !== null
        ? `section ${section.after}`
        : `was section ${section.before}`;
  return (
    <Box
      padding={4}
      hasRadius
      borderColor={section.status === 'unchanged' ? 'neutral200' : 'neutral300'}
      background="neutral0"
      data-section-status={section.status}
    >
      <Flex gap={2} alignItems="center">
        <Badge backgroundColor={status.background} textColor={status.color}>
          {status.label}
        </Badge>
        <Typography variant="delta" tag="h3">
          {section.name}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          ({place})
        </Typography>
      </Flex>
      {section.changes.map((change) => (
        <Change key={change.label} change={change} />
      ))}
    </Box>
  );
};

/** Two versions side by side, section by section; "Changes only" hides the sections that are the same. */
export const ComparisonView = ({ comparison }: { comparison: Comparison }) => {
  const [changesOnly, setChangesOnly] = useState(true);
  if (comparison.kind === 'text')
    return (
      <Box padding={4} background="neutral100" hasRadius>
        <Typography variant="pi" textColor="neutral600" tag="p">
          One of the two is kept as the old site’s file, as it was written: compared line by line.
        </Typography>
        <Words pieces={comparison.lines} />
      </Box>
    );
  const shown = changesOnly ? comparison.sections.filter((s) => s.status !== 'unchanged') : comparison.sections;
  const unchanged = comparison.sections.length - comparison.sections.filter((s) => s.status !== 'unchanged').length;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Checkbox checked={changesOnly} onCheckedChange={(checked) => setChangesOnly(checked === true)}>
        Changes only ({unchanged} section{unchanged === 1 ? '' : 's'} unchanged)
      </Checkbox>
      {comparison.page.length > 0 && (
        <Box padding={4} hasRadius borderColor="neutral300" background="neutral0">
          <Typography variant="delta" tag="h3">
            The page
          </Typography>
          {comparison.page.map((change) => (
            <Change key={change.label} change={change} />
          ))}
        </Box>
      )}
      {shown.length === 0 && comparison.page.length === 0 ? (
        <Typography variant="omega">The two versions show the same content.</Typography>
      ) : (
        shown.map((section, index) => <Section key={`${section.before}-${section.after}-${index}`} section={section} />)
      )}
    </Flex>
  );
};
