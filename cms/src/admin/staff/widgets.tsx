import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { editUrl, useSiteTools, type BrokenLink, type Overview } from './site-tools-api';

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** The home page's first stop: the site itself, and the pages with changes waiting to be published. */
export const SiteWidget = () => {
  const { data, error, loading } = useSiteTools<Overview>('/overview');
  if (loading) return <Widget.Loading />;
  if (error || !data)
    return <Widget.Error>{`The site's overview could not be loaded: ${error ?? 'no answer'}`}</Widget.Error>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="omega">
        The website:{' '}
        <Link href={`${data.site}/`} isExternal>
          {data.site.replace(/^https?:\/\//, '')}
        </Link>
      </Typography>
      {data.unconfirmed.length > 0 && (
        <Box role="status" background="danger100" padding={3} hasRadius>
          <Typography variant="omega" fontWeight="bold" textColor="danger700" tag="p">
            The site did not confirm {data.unconfirmed.length === 1 ? 'a change' : `${data.unconfirmed.length} changes`}
          </Typography>
          {data.unconfirmed.slice(0, 3).map((item) => (
            <Typography variant="pi" textColor="danger700" tag="p" key={`${item.at} ${item.change.uid}`}>
              {item.change.entry.title
                ? `«${item.change.entry.title}»`
                : item.change.uid === 'api::global.global'
                  ? 'Site settings'
                  : 'A change'}{' '}
              ({item.change.event.replace('entry.', '')}, {when(item.at)}): visitors see it once the site's copy expires
              (within minutes). Publishing again retries at once; if this stays, tell whoever runs the site (
              {item.error}).
            </Typography>
          ))}
        </Box>
      )}
      <Typography variant="omega">
        {data.brokenLinks === 0 ? (
          'Every link leads to a published page.'
        ) : (
          <>
            <Typography fontWeight="bold" textColor="danger600">
              {data.brokenLinks} link{data.brokenLinks === 1 ? '' : 's'} to fix
            </Typography>{' '}
            ({data.liveBrokenLinks} on the live site): see “Links to fix”.
          </>
        )}
      </Typography>
      <Typography variant="sigma" tag="h3">
        Waiting to be published
      </Typography>
      {data.waiting.length === 0 ? (
        <Typography variant="omega" textColor="neutral600">
          Nothing: every saved change is on the site.
        </Typography>
      ) : (
        <Box tag="ul">
          {data.waiting.map((page) => (
            <Box tag="li" key={page.documentId} paddingBottom={2}>
              <Link tag={RouterLink} to={editUrl({ uid: 'api::page.page', documentId: page.documentId })}>
                {page.title}
              </Link>{' '}
              <Typography variant="pi" textColor="neutral600">
                {page.published ? 'changes not published' : 'never published'} · saved {when(page.updatedAt)}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Flex>
  );
};

/** Every link of the content that leads nowhere, with where it is and how to fix it. */
export const LinksWidget = () => {
  const { data, error, loading } = useSiteTools<{ links: BrokenLink[] }>('/links');
  if (loading) return <Widget.Loading />;
  if (error || !data) return <Widget.Error>{`The links could not be checked: ${error ?? 'no answer'}`}</Widget.Error>;
  if (data.links.length === 0) return <Widget.NoData>Every link leads to a published page.</Widget.NoData>;
  return (
    <Box tag="ul">
      {data.links.map((link) => (
        <Box tag="li" key={`${link.holder.uid} ${link.holder.documentId} ${link.where}`} paddingBottom={3}>
          <Typography variant="omega" fontWeight="bold" tag="p">
            <Link tag={RouterLink} to={editUrl(link.holder)}>
              {link.where}
            </Link>
            {!link.live && ' (draft)'}
          </Typography>
          <Typography variant="pi" textColor="danger600" tag="p">
            {link.problem}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
