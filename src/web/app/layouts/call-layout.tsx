import { Suspense, lazy, useReducer } from 'react';
import { Navigate, Outlet } from 'react-router';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { roleHome } from '#web/lib/role-home.ts';
import type * as RoomLandingModule from '#web/app/pages/room-landing.tsx';
import { SignedIn } from './signed-in';
import './call-layout.css';

// Its code loads only for visitors who are not signed in yet.
let landingModule: typeof RoomLandingModule | undefined;
/** Loads the room link's landing; once loaded, the layout draws it at once, without a Suspense fallback first. */
export const loadRoomLanding = () => import('#web/app/pages/room-landing.tsx').then((module) => (landingModule = module));
const LazyRoomLanding = lazy(async () => ({ default: (await loadRoomLanding()).RoomLanding }));

/**
 * The consultation room's frame: signed-in doctors and patients only, full screen and dark,
 * without the sidebar (the call page draws its own bar and a compact footer). Anyone else sees
 * the room link's landing page, where they sign in or create their password.
 */
export function CallLayout() {
  // Signing in on the landing page clears the query cache; a new render lets useMe find the new session.
  const [, signedIn] = useReducer((n: number) => n + 1, 0);
  // Loaded before the first frame when the room link is opened cold (app/first-screen.ts).
  const RoomLanding = landingModule?.RoomLanding ?? LazyRoomLanding;

  return (
    <SignedIn
      pending={
        <div className="call-shell">
          <LoadingState fullPage tone="dark" label="Preparando a consulta…" />
        </div>
      }
      // The room link is the way in: someone not signed in gets its landing page, not the login page.
      signedOut={
        <Suspense fallback={<LoadingState fullPage label="Abrindo sua consulta…" />}>
          <RoomLanding onSignedIn={signedIn} />
        </Suspense>
      }
    >
      {(me) =>
        me.user.role === 'admin' ? (
          <Navigate to={roleHome('admin')} replace />
        ) : (
          <div className="call-shell">
            <Suspense fallback={<LoadingState fullPage tone="dark" label="Preparando a consulta…" />}>
              <Outlet />
            </Suspense>
          </div>
        )
      }
    </SignedIn>
  );
}
