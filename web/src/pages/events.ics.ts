import { feedRoute } from '../lib/events/calendarRoute';

export const GET = feedRoute;
