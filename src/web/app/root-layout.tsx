import { Outlet } from 'react-router';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { RouteProgress } from './route-progress';
import { ScrollToTop } from './scroll-to-top';

/** Wraps every route: scroll reset and the loading bar between pages. */
export function RootLayout() {
  return (
    <>
      <ScrollToTop />
      <RouteProgress />
      <Outlet />
    </>
  );
}

/** Shown while the first page's code downloads. */
export function RootFallback() {
  return <LoadingState fullPage />;
}
