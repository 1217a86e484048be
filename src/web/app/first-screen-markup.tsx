import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ToastProvider } from '#web/components/ui/toast-provider.tsx';
import { LoginPage } from '#web/features/auth/components/login-page.tsx';
import { RoomLanding } from './pages/room-landing';

/*
 * Build time only (scripts/first-screen-html.ts loads this through Vite's SSR loader): the HTML
 * of the screens a signed-out visitor opens cold, drawn by the same components the app mounts,
 * for the first-screen HTML files. The browser paints it (the brand panel's text is the page's
 * largest) as soon as the HTML and its CSS arrive, before any JavaScript has run; the app then
 * renders the same screen into it, keeping the nodes that match (main.tsx), so nothing moves and
 * nothing is painted twice.
 */

/** A room code of the right shape: the landing draws its loading card, as it does before its data arrives. */
const SAMPLE_ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

function render(path: string, route: string, page: ReactNode): string {
  // Nothing is fetched while rendering on the server: every query stays pending, as it is in
  // the browser's first frame.
  const queryClient = new QueryClient();
  return renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            {/* RootLayout adds no markup (its progress bar shows only between pages). */}
            <Route path={route} element={page} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

/**
 * Forms are drawn but inert until the app takes over: what someone typed would vanish when the
 * app draws the screen again, and a form sent without the app would go out as a GET, the
 * password in the address. Links work as plain links.
 */
function inertForms(html: string): string {
  return html.replace(/<form(?=[\s>])/g, '<form inert=""');
}

/** The markup for #root of each first-screen HTML file that has one (by file name, without .html). */
export function firstScreenMarkup(): Record<string, string> {
  return {
    login: inertForms(render('/entrar', '/entrar', <LoginPage />)),
    'room-signed-out': inertForms(render(`/sala/${SAMPLE_ROOM}`, '/sala/:code', <RoomLanding onSignedIn={() => undefined} />)),
  };
}
