import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { editUrl, useSiteTools } from '../site-tools-api';
import { scheduleLabel, type ScheduleEntry, type ScheduleLists } from './schedule-types';

const Entry = ({ entry }: { entry: ScheduleEntry }) => (
  <Box tag="li" paddingBottom={2}>
    <Typography variant="omega" tag="p">
      <Link tag={RouterLink} to={editUrl(entry)}>
        {entry.title ?? 'Untitled'}
      </Link>
      {entry.locale && entry.locale !== 'en' ? ` (${entry.locale})` : ''}
    </Typography>
    <Typography variant="pi" tag="p" textColor={entry.status === 'failed' ? 'danger700' : 'neutral600'}>
      {scheduleLabel(entry)} · {entry.when}
      {entry.setBy ? ` · ${entry.setBy}` : ''}
    </Typography>
    {entry.status === 'failed' && entry.outcome && (
      <Typography variant="pi" tag="p" textColor="danger700">
        {entry.outcome}
      </Typography>
    )}
  </Box>
);

/**
 * The admin home's "Scheduled": failed runs first, with a badge until each is marked seen (in the
 * page's or event's Schedule panel), then what is coming, soonest first.
 */
export const SchedulesWidget = () => {
  const { data, error, loading } = useSiteTools<ScheduleLists>('/schedules');
  if (loading) return <Widget.Loading />;
  if (error || !data)
    return <Widget.Error>{`The schedules could not be loaded: ${error ?? 'no answer'}`}</Widget.Error>;
  if (data.failed.length === 0 && data.upcoming.length === 0)
    return <Widget.NoData>Nothing is scheduled to be published or taken down.</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {data.failed.length > 0 && (
        <Box role="alert" background="danger100" padding={3} hasRadius>
          <Flex gap={2} paddingBottom={2}>
            <Badge active backgroundColor="danger600" textColor="neutral0">
              {data.failed.length} failed
            </Badge>
            <Typography variant="omega" fontWeight="bold" textColor="danger700">
              Did not run: fix each, then publish it or schedule it again
            </Typography>
          </Flex>
          <Box tag="ul">
            {data.failed.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </Box>
        </Box>
      )}
      {data.upcoming.length > 0 && (
        <Box tag="ul">
          {data.upcoming.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </Box>
      )}
    </Flex>
  );
};
