import { Link } from 'react-router';
import './footer.css';

const YEAR = new Date().getFullYear();

/** The brand footer on every page: name, tagline, year, terms and privacy (`dark` on the call screens). */
export function Footer({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  return (
    <footer className={tone === 'dark' ? 'site-footer site-footer-dark' : 'site-footer'}>
      <div className="site-footer-inner">
        <div className="site-footer-brand">
          <strong>MedConnect</strong>
          <span>Telemedicina simples e segura para a sua clínica.</span>
        </div>
        <ul className="site-footer-links">
          <li>
            <span className="tabular">© {YEAR} MedConnect</span>
          </li>
          <li>
            <Link to="/termos">Termos de uso</Link>
          </li>
          <li>
            <Link to="/privacidade">Privacidade</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}

/**
 * The brand in one small line, for the call stage, where the full footer would take the video's
 * room. Its links open a new tab: following one must not end the call.
 */
export function BrandLine() {
  return (
    <p className="brand-line">
      <strong>MedConnect</strong> ·{' '}
      <a href="/termos" target="_blank" rel="noopener">
        Termos de uso<span className="sr-only"> (abre em nova aba)</span>
      </a>{' '}
      ·{' '}
      <a href="/privacidade" target="_blank" rel="noopener">
        Privacidade<span className="sr-only"> (abre em nova aba)</span>
      </a>
    </p>
  );
}
