type EnvReader = (name: string, fallback: string) => string;

/** The site as staff's browsers reach it (WEB_URL): where previews and "view on site" lead. */
export const webUrl = (env: EnvReader): string => env('WEB_URL', 'http://localhost:4321').replace(/\/+$/, '');
