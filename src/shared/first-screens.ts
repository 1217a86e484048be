/**
 * The pages people most often open cold (typed, bookmarked, from a link in WhatsApp or an
 * e-mail), with the lazy page module the client router loads for each (a key of Vite's build
 * manifest, relative to src/web). The build writes, per screen, a copy of index.html that already
 * asks for that page's code and styles (and for the session, on pages that need one), so the
 * browser fetches them alongside the entry instead of one round trip after it; the server sends
 * that copy for a matching URL. A screen not listed here still works: it gets plain index.html.
 */
export type FirstScreen = {
  /** File name of its HTML: first-screens/<name>.html */
  name: string;
  /** The URL paths it answers. */
  path: RegExp;
  /** Its page module, as the router lazy-loads it (src/web/app/router.tsx). */
  module: string;
  /** Its layout asks for the session (/api/auth/me) as it mounts. */
  session: boolean;
  /**
   * The API GETs the page makes as it loads, exactly as it writes them: preloaded with the HTML,
   * they arrive together, so the page's cards draw their final state in one frame instead of a
   * skeleton that the content then pushes down (CLS), one request chain after another (LCP).
   */
  fetches?: string[];
  /**
   * What the layout loads instead when nobody is signed in (the room link's landing page): the
   * build writes <name>-signed-out.html with it too, which the server sends to a browser that
   * brings no session cookie.
   */
  signedOutModule?: string;
};

export const FIRST_SCREENS: readonly FirstScreen[] = [
  { name: 'login', path: /^\/entrar\/?$/, module: 'features/auth/components/login-page.tsx', session: false },
  { name: 'room', path: /^\/sala\/[^/]+\/?$/, module: 'app/pages/call-page.tsx', session: true, signedOutModule: 'app/pages/room-landing.tsx' },
  { name: 'admin-home', path: /^\/admin\/?$/, module: 'app/pages/admin-home-page.tsx', session: true, fetches: ['/api/dashboard', '/api/reset'] },
  {
    name: 'doctor-home',
    path: /^\/medico\/?$/,
    module: 'app/pages/doctor-dashboard-page.tsx',
    session: true,
    fetches: ['/api/dashboard', '/api/rooms/waiting', '/api/me/payments', '/api/rooms?status=open', '/api/evolutions/drafts'],
  },
  {
    name: 'patient-home',
    path: /^\/paciente\/?$/,
    module: 'app/pages/patient-dashboard-page.tsx',
    session: true,
    fetches: ['/api/dashboard', '/api/rooms?status=open', '/api/rooms?status=finished'],
  },
];

/** The first screen a URL path opens, if it is one of {@link FIRST_SCREENS}. */
export function firstScreenOf(pathname: string): FirstScreen | undefined {
  return FIRST_SCREENS.find((s) => s.path.test(pathname));
}

/** The HTML files the build writes for a screen: its own, and its signed-out one where it has one. */
export function firstScreenFiles(screen: FirstScreen): { file: string; modules: string[]; signedOut: boolean }[] {
  return [
    { file: `${screen.name}.html`, modules: [screen.module], signedOut: false },
    // Signed out, the layout draws only that page: the screen's own (the call) is not fetched.
    ...(screen.signedOutModule ? [{ file: `${screen.name}-signed-out.html`, modules: [screen.signedOutModule], signedOut: true }] : []),
  ];
}
