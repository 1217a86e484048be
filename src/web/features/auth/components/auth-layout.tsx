import { ClipboardList, ShieldCheck, Video, Wallet } from 'lucide-react';
import type { ReactNode } from 'react';
import { BackgroundShapes } from '#web/components/ui/background-shapes.tsx';
import { BrandLogo } from '#web/components/ui/brand-logo.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { Footer } from '#web/components/ui/footer.tsx';
import './auth-layout.css';

/** What the brand panel says; the room link's landing speaks to a patient, not to the clinic. */
export interface AuthPitch {
  title: string;
  text: string;
}

const CLINIC_PITCH: AuthPitch = {
  title: 'Sua clínica atendendo por vídeo, da consulta ao repasse.',
  text: 'Consultas no navegador, prontuário durante a chamada e repasse aos médicos por PIX.',
};

const CLINIC_POINTS = [
  { icon: Video, text: 'Consultas por vídeo sem instalar nada' },
  { icon: ClipboardList, text: 'Histórico e evoluções de cada paciente' },
  { icon: Wallet, text: 'Fechamento mensal e repasse por PIX' },
  { icon: ShieldCheck, text: 'Registro de quem abriu cada prontuário (LGPD)' },
] as const;

/** The login and invite frame: a gradient brand panel beside a frosted card with the form. */
export function AuthLayout({ children, pitch }: { children: ReactNode; pitch?: AuthPitch }) {
  return (
    <div className="auth">
      <BackgroundShapes />
      <div className="auth-grid">
        <header className="auth-brand">
          <BrandLogo to={null} light />
          <div className="auth-brand-pitch">
            <p className="auth-brand-title">{(pitch ?? CLINIC_PITCH).title}</p>
            <p className="auth-brand-text">{(pitch ?? CLINIC_PITCH).text}</p>
            {/* Only what the app does today: no promise the screens behind it cannot keep. */}
            {pitch ? null : (
              <ul className="auth-brand-points">
                {CLINIC_POINTS.map(({ icon: Icon, text }) => (
                  <li key={text}>
                    <span aria-hidden="true">
                      <Icon />
                    </span>
                    {text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </header>
        <main id="conteudo" className="auth-main">
          <Card className="auth-card">{children}</Card>
        </main>
      </div>
      <Footer />
    </div>
  );
}
