import { CalendarCheck, ShieldCheck, Video, Wallet } from 'lucide-react';
import type { ReactNode } from 'react';
import { BackgroundShapes } from '../../../components/ui/background-shapes';
import { BrandLogo } from '../../../components/ui/brand-logo';
import { Card } from '../../../components/ui/card';
import { Footer } from '../../../components/ui/footer';
import './auth-layout.css';

/** The login and invite frame: a gradient brand panel beside a frosted card with the form. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth">
      <BackgroundShapes />
      <div className="auth-grid">
        <header className="auth-brand">
          <BrandLogo to={null} light />
          <div className="auth-brand-pitch">
            <p className="auth-brand-title">Sua clínica atendendo por vídeo, do agendamento ao repasse.</p>
            <p className="auth-brand-text">Consultas seguras no navegador, prontuário durante a chamada e pagamentos aos médicos por PIX.</p>
            <ul className="auth-brand-points">
              <li>
                <span aria-hidden="true">
                  <Video />
                </span>
                Consultas por vídeo sem instalar nada
              </li>
              <li>
                <span aria-hidden="true">
                  <CalendarCheck />
                </span>
                Histórico e evoluções de cada paciente
              </li>
              <li>
                <span aria-hidden="true">
                  <Wallet />
                </span>
                Fechamento mensal e repasse por PIX
              </li>
              <li>
                <span aria-hidden="true">
                  <ShieldCheck />
                </span>
                Dados protegidos, de acordo com a LGPD
              </li>
            </ul>
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
