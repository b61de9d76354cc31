import { eventCalendarRoute } from '../../lib/events/calendarRoute';

export const GET = eventCalendarRoute;
