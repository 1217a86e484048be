import { useParams } from 'react-router';
import { RoomLandingPage } from '#web/features/auth/components/room-landing-page.tsx';
import { acceptConsent } from '#web/features/call/api/consent.ts';

/** The room link for someone not signed in: the auth feature's landing, recording consent through the call feature's API. */
export function RoomLanding({ onSignedIn }: { onSignedIn: () => void }) {
  const { code = '' } = useParams();
  return <RoomLandingPage code={code} acceptConsent={acceptConsent} onSignedIn={onSignedIn} />;
}
