import { LogOut, Menu, X } from 'lucide-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import type { Me } from '../../../shared/schemas/auth';
import { Avatar } from '../../components/ui/avatar';
import { BrandLogo } from '../../components/ui/brand-logo';
import { Button } from '../../components/ui/button';
import { Footer } from '../../components/ui/footer';
import { useResetEnabled } from '../../features/backups/api/reset';
import { ROLE_LABELS } from '../../lib/role-labels';
import { roleHome } from '../../lib/role-home';
import { NAV_ITEMS } from './nav-items';
import './app-shell.css';

interface AppShellProps {
  me: Me;
  onLogout: () => void;
  loggingOut: boolean;
  children: ReactNode;
}

const MENU_ID = 'menu-principal';

/**
 * The signed-in frame. One header serves both sizes: a top bar with a drop-down menu on phones,
 * a fixed sidebar on desktop (CSS only, so no control is duplicated in the page).
 */
export function AppShell({ me, onLogout, loggingOut, children }: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const { user } = me;
  const close = () => setMenuOpen(false);
  const resetEnabled = useResetEnabled(user.role === 'admin');

  return (
    <div className="shell">
      <a href="#conteudo" className="skip-link">
        Pular para o conteúdo
      </a>
      <header
        className="shell-header"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen) close();
        }}
      >
        <div className="shell-header-bar">
          <BrandLogo to={roleHome(user.role)} />
          <div className="shell-header-end">
            <Link to="/perfil" className="shell-topbar-avatar" onClick={close}>
              <Avatar name={user.name} photoUrl={user.photoUrl} size="sm" />
              <span className="sr-only">Sua conta</span>
            </Link>
            <button
              type="button"
              className="shell-menu-toggle"
              aria-expanded={menuOpen}
              aria-controls={MENU_ID}
              onClick={() => setMenuOpen((open) => !open)}
            >
              {menuOpen ? <X aria-hidden="true" /> : <Menu aria-hidden="true" />}
              <span className="sr-only">Menu</span>
            </button>
          </div>
        </div>
        <div id={MENU_ID} className="shell-menu" data-open={menuOpen}>
          <nav className="shell-nav" aria-label="Principal">
            <ul>
              {NAV_ITEMS[user.role].filter((item) => item.onlyIf !== 'reset' || resetEnabled).map(({ to, label, icon: Icon, end }) => (
                <li key={to}>
                  <NavLink to={to} end={end ?? false} className="shell-nav-link" onClick={close}>
                    <Icon aria-hidden="true" />
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="shell-user">
            <Link to="/perfil" className="shell-user-link" onClick={close}>
              <Avatar name={user.name} photoUrl={user.photoUrl} size="md" />
              <span className="shell-user-text">
                <strong>{user.name}</strong>
                <small>{ROLE_LABELS[user.role]}</small>
              </span>
            </Link>
            <Button variant="ghost" size="sm" onClick={onLogout} loading={loggingOut} icon={<LogOut aria-hidden="true" />}>
              Sair
            </Button>
          </div>
        </div>
      </header>
      <div className="shell-body">
        <main id="conteudo" className="shell-main" tabIndex={-1}>
          {children}
        </main>
        <Footer />
      </div>
    </div>
  );
}
