import type { TextsByModel } from '../admin-face/model-texts';
import { altTextField } from '../shared-components/alt-text';

/** What staff read in an event's edit view (labels, help, the message for each pattern). */
export const EVENT_TEXTS: TextsByModel = {
  'api::event.event': {
    mainField: 'title',
    listColumns: [
      { name: 'title', label: 'Title' },
      { name: 'startsAt', label: 'Starts' },
      { name: 'endsAt', label: 'Ends' },
      { name: 'updatedAt', label: 'Last changed' },
    ],
    fields: {
      title: {
        label: 'Title',
        description: 'What the event is, as people would say it: "Record-clearing day in Back of the Yards".',
      },
      slug: {
        label: 'Address name',
        description:
          "The end of the event's web address: /events/<address name>/ (in Spanish, /es/eventos/<address name>/). Lowercase letters, digits and single hyphens.",
        placeholder: 'e.g. record-clearing-day-march-2027',
        rule: 'An address name uses lowercase letters, digits and single hyphens only, e.g. record-clearing-day-march-2027.',
      },
      summary: {
        label: 'Summary',
        description: 'One or two sentences for the events list, search results and calendars.',
      },
      startsAt: {
        label: 'Starts',
        description:
          'Typed in your computer\'s time zone; the site shows Chicago time (daylight saving included). "Check before publishing" shows the Chicago time, and warns when your computer is set to another zone.',
      },
      endsAt: {
        label: 'Ends',
        description: 'At this time the event leaves the upcoming list by itself, and its page says it has passed.',
      },
      yearOnly: {
        label: 'Only the year is known',
        description:
          'For past events of the old site whose day nobody wrote down: the site shows the year alone, and offers no calendar file.',
      },
      format: { label: 'Where', description: 'In person, online, or both.' },
      venue: { label: 'Place', description: 'The place\'s name, e.g. "Back of the Yards Public Library".' },
      address: {
        label: 'Street address',
        description: 'As a map would find it, e.g. "2111 W 47th St, Chicago, IL 60609".',
      },
      onlineLink: {
        label: 'Online link',
        description: 'Where people join (https://…): a video call or a stream.',
        placeholder: 'https://',
        rule: 'The online link must be a full address starting with https://.',
      },
      languages: { label: 'Language', description: 'The language the event is held in.' },
      free: { label: 'Free', description: 'Untick if people pay to attend, and say how much under "Cost".' },
      cost: { label: 'Cost', description: 'What people pay, and whether anyone may come for less.' },
      whatToBring: {
        label: 'What to bring',
        description: 'e.g. a state ID if you have one, and any court papers. Leave empty if nothing is needed.',
      },
      accessibility: {
        label: 'Accessibility',
        description: 'Step-free access, interpreters, childcare, transit: what people need to know to come.',
      },
      signUp: {
        label: 'Sign-up',
        description:
          "None, one of the coalition's forms (shown on the event's page, worded under Single Types), or a link to an outside sign-up page.",
      },
      signUpLink: {
        label: 'Sign-up link',
        description: 'The outside page where people sign up (https://…).',
        placeholder: 'https://',
        rule: 'The sign-up link must be a full address starting with https://.',
      },
      image: { label: 'Image', description: "A photo or poster for the event's page and link previews (optional)." },
      altText: {
        ...altTextField(),
        description:
          'Needed when there is an image: what it shows, for people who cannot see it (at least 8 characters).',
      },
      sections: { label: 'More about the event', description: "Sections below the event's details, as on a page." },
      unpublishAt: {
        label: 'Comes down at',
        description:
          'Set by an unpublish in the Schedule panel; the site stops showing the event at that time by itself.',
        hidden: true,
      },
    },
  },
};
