import { ArrowLeft } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import './page-header.css';

interface PageHeaderProps {
  /** The page's one h1; also sets the tab title. */
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
}

/** The top of every page: an optional back link, the h1, a description and actions. */
export function PageHeader({ title, description, actions, back }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <div className="page-header-text">
        {back ? (
          <Link to={back.to} className="page-header-eyebrow">
            <ArrowLeft aria-hidden="true" />
            {back.label}
          </Link>
        ) : null}
        <h1>{title}</h1>
        {description ? <p className="page-header-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header-actions">{actions}</div> : null}
    </div>
  );
}
