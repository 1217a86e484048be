import clsx from 'clsx';
import { BrandLogo } from './brand-logo';
import { Footer } from './footer';
import { Spinner } from './spinner';
import './page-loader.css';

/**
 * A whole page still loading (the session, a room, the first page's code): the brand, a spinner
 * with its message, and the brand footer, as index.html draws before any JavaScript runs, so
 * the first load goes from one to the other without a blank gradient in between.
 */
export function PageLoader({ label = 'Carregando…', tone = 'light' }: { label?: string; tone?: 'light' | 'dark' }) {
  return (
    <div className={clsx('page-loader', tone === 'dark' && 'page-loader-dark')}>
      <div className="page-loader-body" role="status">
        <BrandLogo to={null} light={tone === 'dark'} />
        <Spinner size="lg" />
        <span>{label}</span>
      </div>
      <Footer tone={tone} />
    </div>
  );
}
