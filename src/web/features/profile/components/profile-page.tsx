import type { Me } from '#shared/schemas/auth.ts';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { useMe } from '#web/lib/get-me.ts';
import { ChangePasswordForm } from './change-password-form';
import { PhotoCard } from './photo-card';
import { ProfileDetailsForm } from './profile-details-form';
import './profile.css';

const DESCRIPTIONS: Record<Me['user']['role'], string> = {
  admin: 'Sua foto, seu nome e sua senha.',
  doctor: 'Sua foto, seus dados profissionais, a chave PIX para os repasses e sua senha.',
  patient: 'Sua foto, seus dados e sua senha.',
};

/** /perfil, for everyone: photo, own data per role, password. */
export function ProfilePage() {
  const { data: me } = useMe();
  if (!me) return <LoadingState />;
  return (
    <>
      <PageHeader title="Meu perfil" description={DESCRIPTIONS[me.user.role]} />
      <div className="profile-grid">
        <div className="profile-side">
          <PhotoCard me={me} />
        </div>
        <div className="profile-main">
          <ProfileDetailsForm key={me.user.id} me={me} />
          <ChangePasswordForm email={me.user.email} />
        </div>
      </div>
    </>
  );
}
