import { DEFAULT_LOCALE, type Locale } from './locales';
import type { FieldError } from '../lib/forms/checkValues';
import type { FIXED_ANSWERS, FixedAnswerField } from '../lib/forms/formFields';
import type { OTHER_COUNTY_ANSWERS } from '../lib/forms/illinoisCounties';
import type { FormNotice } from '../lib/forms/receivePost';

/**
 * Every word the site writes itself (content's words come from the CMS), in each language. The
 * Spanish dictionary has the English one's type, so a string added in English and not in Spanish
 * is a type error, not an English word on a Spanish page. Spanish addresses the reader as usted.
 * Texts that take values are functions; numbers are written with Intl for the language.
 */
const en = {
  skipLink: 'Skip to content',
  header: {
    menu: 'Menu',
    mainNav: 'Main',
    currentSection: ' (current section)',
    searchLabel: 'Search the site',
    searchPlaceholder: 'Search',
    searchButton: 'Search',
    languageNav: 'Language',
  },
  footer: {
    nav: 'Footer',
    connect: 'Connect with us',
    social: (siteName: string, network: string) => `${siteName} on ${network} (external site)`,
  },
  link: {
    externalSite: ' (external site)',
    newTab: ' (new tab)',
    /** After a link to a page in another language than the page's own, by that language. */
    inLanguage: { en: ' (in English)', es: ' (in Spanish)' } satisfies Record<Locale, string>,
  },
  /** Each language's name in itself, for the link to it: the same words in every dictionary. */
  languageName: { en: 'English', es: 'Español' } satisfies Record<Locale, string>,
  notFound: {
    title: 'Page not found',
    heading: 'Page not found',
    text: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    home: 'Go to the home page',
  },
  unavailable: {
    title: 'Temporarily unavailable',
    heading: 'This page is temporarily unavailable',
    text: 'We could not load this page just now. Please try again in a minute.',
    help: 'If you need help clearing your record, write to',
  },
  search: {
    title: 'Search',
    titleFor: (query: string) => `Search: ${query}`,
    heading: 'Search',
    label: 'Search the site',
    button: 'Search',
    hint: 'Searches every page of this site. Nothing you type is sent anywhere else.',
    tooLongHeading: 'That search is too long',
    tooLongText: (length: string, max: string) =>
      `It has ${length} characters; a search can have at most ${max}. The box above keeps the first ${max}: shorten it to a few words and search again.`,
    unavailableHeading: 'Search is not available right now',
    unavailableText: 'Please try again in a minute, or find your way from the menu above.',
    noMatch: (query: string) => `No page matches “${query}”`,
    noMatchHint: 'Check the spelling, or try fewer or other words: “expungement”, “sealing”, “legal help”.',
    suggestions: 'Or start from one of these pages:',
    matches: (count: number, shown: string, query: string) =>
      `${shown} ${count === 1 ? 'page matches' : 'pages match'} “${query}”`,
    bestShown: (shown: string) => `: the best ${shown} are shown`,
  },
  preview: {
    published: { title: 'Preview of the published page', text: 'This is what visitors see.' },
    unchanged: {
      title: 'Preview of the draft: the same as the published page',
      text: 'There are no unpublished changes.',
    },
    changed: {
      title: 'Preview of the draft: changes not published yet',
      text: 'Visitors still see the published version.',
    },
    neverPublished: { title: 'Preview of the draft: not published yet', text: 'Visitors cannot see this page.' },
    version: {
      title: 'Preview of an earlier version',
      text: 'From the page’s history: visitors do not see it. Restore it in the CMS to bring it back.',
    },
    openLive: 'Open the live page',
    exit: 'Exit preview',
    title: 'Preview',
    expiredTitle: 'Preview expired',
    expiredHeading: 'This preview has expired',
    expiredText: 'Open the preview again from the page in the CMS.',
  },
  leftOut: {
    heading: 'Not shown on the site until fixed',
    section: (number: string, type: string) => `Section ${number} (${type})`,
    fix: 'Fix these in the CMS; the preview and, once published, the site show the section again.',
  },
  newsletter: {
    heading: 'Get our newsletter',
    privacyNote: 'Your email address goes to Mailchimp, which sends our newsletter.',
    email: 'Your email address',
    signUp: 'Sign up',
    opens: (host: string) => `Opens ${host} in a new tab.`,
  },
  sections: {
    quickLinks: 'Quick Links',
    getInvolved: 'How to get involved',
    figures: 'Figures',
    scrollsSideways: (label: string) => `${label} (scrolls sideways)`,
    showForm: 'Show the form',
    playVideo: 'Play the video',
    show: 'Show',
    frameNote: (name: string, host: string) => `Opens content from ${name} (${host}); their privacy policy applies.`,
    watchOn: (title: string, site: string) => `Watch “${title}” on ${site}`,
  },
  forms: {
    optional: 'optional',
    errorTitle: (title: string) => `Error: ${title}`,
    /** Read before a field's error by screen readers (the red alone says nothing to them). */
    errorPrefix: 'Error:',
    summaryHeading: 'There is a problem',
    trapLabel: 'Leave this field empty',
    pickOne: 'Choose one',
    notAvailable: 'This form is not available right now.',
    cannotSendNow:
      'Your form could not be sent just now. Go back to keep what you wrote, and send it again in a few minutes.',
    writeInstead: 'You can write to us instead:',
    previewNote: 'A preview: this form cannot be sent from here.',
    errors: {
      required: (label: string) => `Answer “${label}”`,
      'too-long': (label: string) => `“${label}” is too long: please shorten it`,
      email: (label: string) => `Enter an e-mail address in “${label}”, like name@example.com`,
      choice: (label: string) => `Choose one of the answers offered for “${label}”`,
      unknown: (label: string) => `“${label}” could not be taken`,
    } satisfies Record<FieldError, (label: string) => string>,
    notices: {
      'too-fast': 'That was sent very quickly. Please check your answers below and send the form again.',
      expired: 'The form was open a long time, so we need you to send it again. Your answers are below.',
      'token-used': 'This form was already sent. If you meant to send another, your answers are below: send it again.',
      'too-many':
        'Too many forms have been sent from your connection in the last hour. Your answers are below: please try again later, or write to us.',
      'not-kept':
        'We could not save your form just now. Your answers are below: please try again in a few minutes, or write to us.',
    } satisfies Record<FormNotice, string>,
    answers: {
      reachBy: { phone: 'Phone call', text: 'Text message', email: 'E-mail' },
      safeToLeaveMessage: { yes: 'Yes', no: 'No' },
      preferredLanguage: { english: 'English', spanish: 'Spanish', other: 'Another language' },
      caseWhen: {
        'under-a-year': 'Less than a year ago',
        'one-to-five-years': 'One to five years ago',
        'over-five-years': 'More than five years ago',
        'not-sure': 'Not sure',
      },
      caseKind: {
        'arrest-only': 'Arrest only, no charges',
        dismissed: 'Charges dismissed, or found not guilty',
        supervision: 'Supervision',
        conviction: 'Conviction',
        'not-sure': 'Not sure',
      },
      cannabisRelated: { yes: 'Yes', no: 'No', 'not-sure': 'Not sure' },
      under18: { yes: 'Yes', no: 'No', 'not-sure': 'Not sure' },
    } satisfies { [F in FixedAnswerField]: Record<(typeof FIXED_ANSWERS)[F][number], string> },
    counties: { 'Outside Illinois': 'Outside Illinois', 'Not sure': 'Not sure' } satisfies Record<
      (typeof OTHER_COUNTY_ANSWERS)[number],
      string
    >,
    thanksBack: 'Back to the home page',
    thanksTitle: 'Thank you',
    thanksText: 'We have your form. Someone from the coalition will be in touch.',
  },
  guide: {
    questionNumber: (n: number) => `Question ${n}`,
    back: 'Back',
    startOver: 'Start over',
    start: 'Start',
    restarted: 'The guide started over: your answers no longer fit it as it is now.',
    whatItMeans: 'What this probably means',
    nextSteps: 'Your next step',
    helpHeading: 'Get free help',
    coalition: 'The Coalition',
    coalitionText: 'Tell us a little about your case, and someone will call or write back.',
    partners: 'A legal aid partner',
    partnersText: 'These organizations help people clear their records in Illinois, for free.',
    noStore: 'Your answers are not saved.',
  },
  events: {
    title: 'Events',
    description:
      'Record-clearing days, resource fairs and Know Your Rights sessions: when and where, and how to sign up.',
    upcoming: 'Coming up',
    noneUpcoming: 'No event is planned right now. Past events are below; check back soon.',
    noneComingUp: 'No event is planned right now; check back soon.',
    pastTitle: 'Past events',
    pastDescription: 'Events the coalition has held.',
    pastLink: 'See past events',
    allLink: 'All events',
    nonePast: 'No past event yet.',
    when: 'When',
    where: 'Where',
    online: 'Online',
    joinOnline: 'Join online',
    language: 'Language',
    languages: { English: 'English', Spanish: 'Spanish', 'English and Spanish': 'English and Spanish' },
    cost: 'Cost',
    free: 'Free',
    whatToBring: 'What to bring',
    accessibility: 'Accessibility',
    signUp: 'Sign up',
    signUpOutside: 'Sign up (external site)',
    addToCalendar: 'Add to your calendar (.ics)',
    subscribe: 'Subscribe to the events calendar (.ics)',
    passed: 'This event has passed.',
    yearOnly: 'The exact date of this past event is not recorded.',
    calendarName: (siteName: string) => `${siteName}: events`,
    calendarDetails: 'Details',
    calendarJoin: 'Join',
    unavailable: 'The events cannot be shown right now. Please try again in a minute.',
  },
};

export type Dictionary = typeof en;

const es: Dictionary = {
  skipLink: 'Saltar al contenido',
  header: {
    menu: 'Menú',
    mainNav: 'Principal',
    currentSection: ' (sección actual)',
    searchLabel: 'Buscar en el sitio',
    searchPlaceholder: 'Buscar',
    searchButton: 'Buscar',
    languageNav: 'Idioma',
  },
  footer: {
    nav: 'Pie de página',
    connect: 'Manténgase en contacto',
    social: (siteName, network) => `${siteName} en ${network} (sitio externo)`,
  },
  link: {
    externalSite: ' (sitio externo)',
    newTab: ' (pestaña nueva)',
    inLanguage: { en: ' (en inglés)', es: ' (en español)' },
  },
  languageName: { en: 'English', es: 'Español' },
  notFound: {
    title: 'Página no encontrada',
    heading: 'Página no encontrada',
    text: 'No hay ninguna página en esta dirección. Es posible que se haya movido o que el enlace tenga un error.',
    home: 'Ir a la página de inicio',
  },
  unavailable: {
    title: 'No disponible por el momento',
    heading: 'Esta página no está disponible por el momento',
    text: 'No pudimos cargar esta página en este momento. Por favor, inténtelo de nuevo en un minuto.',
    help: 'Si necesita ayuda para limpiar sus antecedentes penales, escriba a',
  },
  search: {
    title: 'Buscar',
    titleFor: (query) => `Búsqueda: ${query}`,
    heading: 'Buscar',
    label: 'Buscar en el sitio',
    button: 'Buscar',
    hint: 'Busca en todas las páginas de este sitio. Nada de lo que escriba se envía a ningún otro lugar.',
    tooLongHeading: 'Esa búsqueda es demasiado larga',
    tooLongText: (length, max) =>
      `Tiene ${length} caracteres; una búsqueda puede tener como máximo ${max}. El cuadro de arriba conserva los primeros ${max}: redúzcala a unas pocas palabras y busque de nuevo.`,
    unavailableHeading: 'La búsqueda no está disponible en este momento',
    unavailableText: 'Por favor, inténtelo de nuevo en un minuto, o use el menú de arriba para encontrar lo que busca.',
    noMatch: (query) => `Ninguna página coincide con “${query}”`,
    noMatchHint:
      'Revise la ortografía, o pruebe con menos palabras o con otras: “expungement”, “sellar”, “asistencia legal”.',
    suggestions: 'O comience por una de estas páginas:',
    matches: (count, shown, query) =>
      `${shown} ${count === 1 ? 'página coincide' : 'páginas coinciden'} con “${query}”`,
    bestShown: (shown) => `: se muestran las ${shown} mejores`,
  },
  preview: {
    published: { title: 'Vista previa de la página publicada', text: 'Esto es lo que ven los visitantes.' },
    unchanged: {
      title: 'Vista previa del borrador: igual que la página publicada',
      text: 'No hay cambios sin publicar.',
    },
    changed: {
      title: 'Vista previa del borrador: cambios aún sin publicar',
      text: 'Los visitantes todavía ven la versión publicada.',
    },
    neverPublished: {
      title: 'Vista previa del borrador: aún no publicada',
      text: 'Los visitantes no pueden ver esta página.',
    },
    version: {
      title: 'Vista previa de una versión anterior',
      text: 'Del historial de la página: los visitantes no la ven. Restáurela en el CMS para recuperarla.',
    },
    openLive: 'Abrir la página publicada',
    exit: 'Salir de la vista previa',
    title: 'Vista previa',
    expiredTitle: 'Vista previa vencida',
    expiredHeading: 'Esta vista previa ha vencido',
    expiredText: 'Vuelva a abrir la vista previa desde la página en el CMS.',
  },
  leftOut: {
    heading: 'No se muestra en el sitio hasta que se corrija',
    section: (number, type) => `Sección ${number} (${type})`,
    fix: 'Corrija esto en el CMS; la vista previa y, una vez publicada, el sitio volverán a mostrar la sección.',
  },
  newsletter: {
    heading: 'Reciba nuestro boletín',
    privacyNote: 'Su correo electrónico se envía a Mailchimp, que es quien envía nuestro boletín.',
    email: 'Su correo electrónico',
    signUp: 'Suscribirse',
    opens: (host) => `Abre ${host} en una pestaña nueva.`,
  },
  sections: {
    quickLinks: 'Enlaces rápidos',
    getInvolved: 'Cómo participar',
    figures: 'Cifras',
    scrollsSideways: (label) => `${label} (se desplaza hacia los lados)`,
    showForm: 'Mostrar el formulario',
    playVideo: 'Reproducir el video',
    show: 'Mostrar',
    frameNote: (name, host) => `Abre contenido de ${name} (${host}); se aplica su política de privacidad.`,
    watchOn: (title, site) => `Ver “${title}” en ${site}`,
  },
  forms: {
    optional: 'opcional',
    errorTitle: (title) => `Error: ${title}`,
    errorPrefix: 'Error:',
    summaryHeading: 'Hay un problema',
    trapLabel: 'Deje este campo vacío',
    pickOne: 'Elija una opción',
    notAvailable: 'Este formulario no está disponible por el momento.',
    cannotSendNow:
      'No se pudo enviar su formulario en este momento. Regrese a la página anterior para conservar lo que escribió y envíelo de nuevo en unos minutos.',
    writeInstead: 'Puede escribirnos a:',
    previewNote: 'Vista previa: este formulario no se puede enviar desde aquí.',
    errors: {
      required: (label) => `Responda “${label}”`,
      'too-long': (label) => `“${label}” es demasiado largo: por favor, acórtelo`,
      email: (label) => `Escriba un correo electrónico en “${label}”, como nombre@ejemplo.com`,
      choice: (label) => `Elija una de las respuestas ofrecidas para “${label}”`,
      unknown: (label) => `No se pudo aceptar “${label}”`,
    },
    notices: {
      'too-fast': 'Se envió muy rápido. Por favor, revise sus respuestas abajo y envíe el formulario de nuevo.',
      expired:
        'El formulario estuvo abierto mucho tiempo, así que necesitamos que lo envíe de nuevo. Sus respuestas están abajo.',
      'token-used': 'Este formulario ya se envió. Si quería enviar otro, sus respuestas están abajo: envíelo de nuevo.',
      'too-many':
        'Se enviaron demasiados formularios desde su conexión en la última hora. Sus respuestas están abajo: inténtelo más tarde o escríbanos.',
      'not-kept':
        'No pudimos guardar su formulario en este momento. Sus respuestas están abajo: inténtelo de nuevo en unos minutos o escríbanos.',
    },
    answers: {
      reachBy: { phone: 'Llamada telefónica', text: 'Mensaje de texto', email: 'Correo electrónico' },
      safeToLeaveMessage: { yes: 'Sí', no: 'No' },
      preferredLanguage: { english: 'Inglés', spanish: 'Español', other: 'Otro idioma' },
      caseWhen: {
        'under-a-year': 'Hace menos de un año',
        'one-to-five-years': 'Hace entre uno y cinco años',
        'over-five-years': 'Hace más de cinco años',
        'not-sure': 'No estoy seguro/a',
      },
      caseKind: {
        'arrest-only': 'Solo arresto, sin cargos',
        dismissed: 'Cargos desestimados, o declarado/a no culpable',
        supervision: 'Supervisión',
        conviction: 'Condena',
        'not-sure': 'No estoy seguro/a',
      },
      cannabisRelated: { yes: 'Sí', no: 'No', 'not-sure': 'No estoy seguro/a' },
      under18: { yes: 'Sí', no: 'No', 'not-sure': 'No estoy seguro/a' },
    },
    counties: { 'Outside Illinois': 'Fuera de Illinois', 'Not sure': 'No estoy seguro/a' },
    thanksBack: 'Volver a la página de inicio',
    thanksTitle: 'Gracias',
    thanksText: 'Recibimos su formulario. Alguien de la coalición se comunicará con usted.',
  },
  guide: {
    questionNumber: (n: number) => `Pregunta ${n}`,
    back: 'Atrás',
    startOver: 'Empezar de nuevo',
    start: 'Empezar',
    restarted: 'La guía empezó de nuevo: sus respuestas ya no corresponden a la guía tal como está ahora.',
    whatItMeans: 'Lo que esto probablemente significa',
    nextSteps: 'Su próximo paso',
    helpHeading: 'Reciba ayuda gratis',
    coalition: 'La Coalición',
    coalitionText: 'Cuéntenos un poco sobre su caso, y alguien le llamará o le escribirá.',
    partners: 'Una organización de ayuda legal',
    partnersText: 'Estas organizaciones ayudan gratis a limpiar historiales en Illinois.',
    noStore: 'Sus respuestas no se guardan.',
  },
  events: {
    title: 'Eventos',
    description:
      'Días para limpiar antecedentes, ferias de recursos y talleres Conozca sus Derechos: cuándo y dónde, y cómo inscribirse.',
    upcoming: 'Próximamente',
    noneUpcoming: 'No hay eventos planeados por ahora. Abajo están los eventos pasados; vuelva pronto.',
    noneComingUp: 'No hay eventos planeados por ahora; vuelva pronto.',
    pastTitle: 'Eventos pasados',
    pastDescription: 'Eventos que la coalición ha realizado.',
    pastLink: 'Ver los eventos pasados',
    allLink: 'Todos los eventos',
    nonePast: 'Todavía no hay eventos pasados.',
    when: 'Cuándo',
    where: 'Dónde',
    online: 'En línea',
    joinOnline: 'Participar en línea',
    language: 'Idioma',
    languages: { English: 'Inglés', Spanish: 'Español', 'English and Spanish': 'Inglés y español' },
    cost: 'Costo',
    free: 'Gratis',
    whatToBring: 'Qué traer',
    accessibility: 'Accesibilidad',
    signUp: 'Inscríbase',
    signUpOutside: 'Inscríbase (sitio externo)',
    addToCalendar: 'Agregar a su calendario (.ics)',
    subscribe: 'Suscribirse al calendario de eventos (.ics)',
    passed: 'Este evento ya pasó.',
    yearOnly: 'No se registró la fecha exacta de este evento pasado.',
    calendarName: (siteName: string) => `${siteName}: eventos`,
    calendarDetails: 'Detalles',
    calendarJoin: 'Participar',
    unavailable: 'No se pueden mostrar los eventos en este momento. Inténtelo de nuevo en un minuto.',
  },
};

export const DICTIONARIES: Readonly<Record<Locale, Dictionary>> = { en, es };

/** The site's own words in `locale`. */
export const ui = (locale: Locale): Dictionary => DICTIONARIES[locale];

/** The page's words, from the locale the middleware set (component tests render without it: English). */
export const uiFor = (locals: Pick<App.Locals, 'locale'>): Dictionary => ui(localeOf(locals));
export const localeOf = (locals: Pick<App.Locals, 'locale'>): Locale => locals.locale ?? DEFAULT_LOCALE;

/** A number as the language writes it in the United States (es-US: 1,234.5, as Chicago's Spanish press writes it). */
export const formatNumber = (locale: Locale, value: number): string =>
  new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-US').format(value);

/** A date as the language writes it (“June 5, 2026”, “5 de junio de 2026”), in Chicago's time. */
export const formatDate = (locale: Locale, date: Date): string =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-US', {
    dateStyle: 'long',
    timeZone: 'America/Chicago',
  }).format(date);
