import { LogOut, Menu, X } from 'lucide-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import type { Me } from '#shared/schemas/auth.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { BrandLogo } from '#web/components/ui/brand-logo.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Footer } from '#web/components/ui/footer.tsx';
import { useResetEnabled } from '#web/features/backups/api/reset-enabled.ts';
import { noticeBadges } from '#web/lib/live-notices.ts';
import { ROLE_LABELS } from '#web/lib/role-labels.ts';
import { roleHome } from '#web/lib/role-home.ts';
import { WaitingPatientsBanner } from '#web/app/waiting-patients-banner.tsx';
import { NAV_ITEMS } from './nav-items';
import './app-shell.css';

interface AppShellProps {
  me: Me;
  onLogout: () => void;
  loggingOut: boolean;
  children: ReactNode;
}

const MENU_ID = 'menu-principal';

/** "1 aviso novo" for screen readers, after the entry's name. */
const newNotices = (count: number) => `${count} ${count === 1 ? 'aviso novo' : 'avisos novos'}`;

/**
 * The signed-in frame. One header serves both sizes: a top bar with a drop-down menu on phones,
 * a fixed sidebar on desktop (CSS only, so no control is duplicated in the page).
 */
export function AppShell({ me, onLogout, loggingOut, children }: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const { user } = me;
  const close = () => setMenuOpen(false);
  const badges = useSyncExternalStore(noticeBadges.subscribe, noticeBadges.get);
  const { pathname } = useLocation();
  const resetEnabled = useResetEnabled(user.role === 'admin');
  const items = NAV_ITEMS[user.role]
    .filter((item) => item.onlyIf !== 'reset' || resetEnabled)
    .map((item) => ({ ...item, count: item.badge ? (badges[item.badge] ?? 0) : 0 }));
  const unseen = items.reduce((sum, item) => sum + item.count, 0);
  // A badge counts notices until its page is open (now, or when they arrive while it is).
  useEffect(() => {
    for (const { badge, count, to } of items) if (badge && count && pathname.startsWith(to)) noticeBadges.clear(badge);
  });

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
            <button type="button" className="shell-menu-toggle" aria-expanded={menuOpen} aria-controls={MENU_ID} onClick={() => setMenuOpen((open) => !open)}>
              {menuOpen ? <X aria-hidden="true" /> : <Menu aria-hidden="true" />}
              <span className="sr-only">Menu{unseen ? `, ${newNotices(unseen)}` : ''}</span>
              {unseen ? (
                <span className="shell-badge shell-menu-badge" aria-hidden="true">
                  {unseen}
                </span>
              ) : null}
            </button>
          </div>
        </div>
        <div id={MENU_ID} className="shell-menu" data-open={menuOpen}>
          <nav className="shell-nav" aria-label="Principal">
            <ul>
              {items.map(({ to, label, icon: Icon, end, count }) => (
                <li key={to}>
                  <NavLink to={to} end={end ?? false} className="shell-nav-link" onClick={close}>
                    <Icon aria-hidden="true" />
                    {label}
                    {count ? (
                      <span className="shell-badge">
                        {count}
                        <span className="sr-only">{count === 1 ? ' aviso novo' : ' avisos novos'}</span>
                      </span>
                    ) : null}
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
          {user.role === 'doctor' ? <WaitingPatientsBanner /> : null}
          {children}
        </main>
        <Footer />
      </div>
    </div>
  );
}
