import clsx from 'clsx';
import { HeartPulse } from 'lucide-react';
import { Link } from 'react-router';
import './brand-logo.css';

/** The MedConnect mark and name; a link home unless `to` is null. */
export function BrandLogo({ to = '/', light = false, className }: { to?: string | null; light?: boolean; className?: string }) {
  const content = (
    <>
      <span className="brand-mark" aria-hidden="true">
        <HeartPulse />
      </span>
      <span className="brand-name">
        Med<span>Connect</span>
      </span>
    </>
  );
  if (to === null) return <span className={clsx('brand', light && 'brand-light', className)}>{content}</span>;
  return (
    <Link to={to} className={clsx('brand', light && 'brand-light', className)} aria-label="MedConnect, página inicial">
      {content}
    </Link>
  );
}
