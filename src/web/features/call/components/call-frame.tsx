import { ArrowLeft } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BrandLogo } from '#web/components/ui/brand-logo.tsx';
import { Footer } from '#web/components/ui/footer.tsx';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import './call.css';

interface CallFrameProps {
  title: string;
  /** Where "Voltar" leads (the person's home). */
  home: string;
  children: ReactNode;
  wide?: boolean;
}

/** The dark page around every screen of the room except the call itself: brand bar, content, compact footer. */
export function CallFrame({ title, home, children, wide = false }: CallFrameProps) {
  useDocumentTitle(title);
  return (
    <>
      <a href="#conteudo" className="skip-link">
        Pular para o conteúdo
      </a>
      <header className="call-topbar">
        <BrandLogo to={home} light />
        <Link to={home} className="call-topbar-back">
          <ArrowLeft aria-hidden="true" />
          Voltar ao início
        </Link>
      </header>
      <main id="conteudo" className={wide ? 'call-frame-main call-frame-wide' : 'call-frame-main'} tabIndex={-1}>
        {children}
      </main>
      <Footer tone="dark" />
    </>
  );
}
