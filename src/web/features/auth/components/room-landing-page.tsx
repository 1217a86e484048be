import { CalendarX2, Link2Off } from 'lucide-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { inviteTokenParamSchema } from '#shared/schemas/auth.ts';
import { roomCodeSchema } from '#shared/schemas/rooms.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { ApiError } from '#web/lib/api-error.ts';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import { useInvite } from '#web/features/auth/api/get-invite.ts';
import { useRoomLanding } from '#web/features/auth/api/get-room-landing.ts';
import { AuthLayout } from './auth-layout';
import { doctorShortName } from './doctor-short-name';
import { LoginForm } from './login-form';
import { RoomInviteForm } from './room-invite-form';
import './invite-problem.css';
import './room-landing.css';

const PATIENT_PITCH = {
  title: 'Consulta por vídeo, sem instalar nada.',
  text: 'Use o celular ou o computador com câmera. A consulta é só entre você e quem vai atender você.',
};

/** The invite a room link carries after `#convite=` (see ADR 013); the fragment never reaches the server. */
function inviteTokenFrom(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('convite');
  return token && inviteTokenParamSchema.safeParse({ token }).success ? token : null;
}

interface RoomLandingPageProps {
  code: string;
  /** Records the consent term, so a new patient goes from the password straight to the pre-call check. */
  acceptConsent: (version: string) => Promise<unknown>;
  /** Tells the call frame a session now exists (signing in may have replaced the cached session it watches). */
  onSignedIn: () => void;
}

/**
 * /sala/:code for someone not signed in: "Sua consulta com Dra. Helena". A patient whose link
 * carries a valid invite creates their password and accepts the consent term in one step;
 * everyone else signs in here. Either way they stay on the room's address, and the call page
 * takes over (pre-call check, then the waiting room).
 */
export function RoomLandingPage({ code, acceptConsent, onSignedIn }: RoomLandingPageProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const validCode = roomCodeSchema.safeParse(code).success;
  const token = inviteTokenFrom(location.hash);
  const landing = useRoomLanding(code, validCode);
  // Asked together with the room, not after it: one round trip less before the form shows.
  const invite = useInvite(token ?? '', token !== null);
  const doctor = landing.data ? doctorShortName(landing.data.doctorName) : null;
  useDocumentTitle(doctor ? `Sua consulta com ${doctor}` : 'Sua consulta');

  // Signed in: drop the invite from the address (it is used now) and let the call page take over.
  const signedIn = () => {
    void navigate({ pathname: location.pathname, hash: '' }, { replace: true });
    onSignedIn();
  };

  let content;
  if (!validCode || (landing.isError && landing.error instanceof ApiError && landing.error.status === 404)) {
    content = (
      <div className="invite-problem">
        <span className="invite-problem-icon invite-problem-invalid" aria-hidden="true">
          <Link2Off />
        </span>
        <h1>Este link de consulta não é válido</h1>
        <p>Confira se o endereço foi copiado inteiro. Se o problema continuar, peça um novo link à clínica.</p>
        <ButtonLink to="/entrar" variant="secondary">
          Ir para a página de entrada
        </ButtonLink>
      </div>
    );
  } else if (landing.isPending || (token !== null && landing.data?.open && invite.isPending)) {
    // As tall as the form that replaces it, so nothing below jumps when it arrives (CLS).
    content = (
      <div className="room-landing-loading">
        <LoadingState label="Abrindo sua consulta…" />
      </div>
    );
  } else if (landing.isError) {
    content = <Alert tone="danger">Não foi possível abrir o link agora. Confira sua internet e tente de novo.</Alert>;
  } else if (!landing.data.open) {
    content = (
      <div className="invite-problem">
        <span className="invite-problem-icon" aria-hidden="true">
          <CalendarX2 />
        </span>
        <h1>Esta consulta já terminou</h1>
        <p>O link não abre mais a chamada. Para outra consulta, peça à clínica ou ao seu médico. Seu histórico fica na sua conta.</p>
        <ButtonLink to="/entrar" variant="secondary">
          Entrar na minha conta
        </ButtonLink>
      </div>
    );
  } else if (token !== null && invite.isSuccess) {
    content = (
      <>
        <div className="auth-card-header">
          <p className="room-landing-eyebrow">Sua consulta com {doctor}</p>
          <h1>Olá, {firstWord(invite.data.name)}! Crie sua senha para entrar</h1>
          <p>Depois é só conferir a câmera e o microfone. A mesma senha serve para as próximas consultas.</p>
        </div>
        <RoomInviteForm token={token} invite={invite.data} acceptConsent={acceptConsent} onSignedIn={signedIn} />
      </>
    );
  } else {
    const inviteProblem = token !== null && invite.isError ? invite.error : null;
    content = (
      <>
        <div className="auth-card-header">
          <h1>Sua consulta com {doctor}</h1>
          <p>Entre com o e-mail e a senha da sua conta para entrar na consulta.</p>
        </div>
        {inviteProblem ? <InviteNotice error={inviteProblem} /> : null}
        <LoginForm redirectTo={null} onSignedIn={signedIn} />
        <p className="auth-forgot">
          <Link to="/esqueci-senha">Esqueci minha senha</Link>
        </p>
        <p className="auth-note">Ainda não criou sua senha? Peça à clínica ou a quem vai atender você o link da consulta com o convite.</p>
      </>
    );
  }

  return <AuthLayout pitch={PATIENT_PITCH}>{content}</AuthLayout>;
}

function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Why the invite in the link no longer creates a password; signing in is the way now. */
function InviteNotice({ error }: { error: unknown }) {
  const code = error instanceof ApiError ? error.code : null;
  const text =
    code === 'invite_used'
      ? 'Sua senha já foi criada. Entre com seu e-mail e a senha que você escolheu.'
      : code === 'invite_expired'
        ? 'O convite deste link venceu. Se você já tem senha, entre abaixo; se não, peça um novo link à clínica.'
        : 'Este link não cria mais uma senha. Se você já tem senha, entre abaixo; se não, peça um novo link à clínica.';
  return (
    <Alert tone="info" className="room-landing-notice">
      {text}
    </Alert>
  );
}
