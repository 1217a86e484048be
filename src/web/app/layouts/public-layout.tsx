import { Outlet } from 'react-router';
import { BrandLogo } from '#web/components/ui/brand-logo.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Footer } from '#web/components/ui/footer.tsx';
import { useCachedMe } from '#web/lib/get-me.ts';
import { roleHome } from '#web/lib/role-home.ts';
import './public-layout.css';

/** Pages anyone can read (terms, privacy, not found): brand bar, content, footer. */
export function PublicLayout() {
  const { data: me } = useCachedMe();
  return (
    <>
      <a href="#conteudo" className="skip-link">
        Pular para o conteúdo
      </a>
      <header className="public-header">
        <div className="public-header-inner">
          <BrandLogo />
          {me ? (
            <ButtonLink to={roleHome(me.user.role)} size="sm">
              Ir para o início
            </ButtonLink>
          ) : (
            <ButtonLink to="/entrar" size="sm" variant="primary">
              Entrar
            </ButtonLink>
          )}
        </div>
      </header>
      <main id="conteudo" className="public-main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </>
  );
}
