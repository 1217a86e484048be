import type { ReactNode } from 'react';
import './form-section.css';

/** A titled group of fields inside a form card. */
export function FormSection({
  title,
  icon,
  description,
  level = 3,
  children,
}: {
  title: string;
  icon?: ReactNode;
  description?: string;
  level?: 2 | 3;
  children: ReactNode;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="form-section">
      <div className="form-section-header">
        {icon}
        <div>
          <Heading>{title}</Heading>
          {description ? <p>{description}</p> : null}
        </div>
      </div>
      {children}
    </section>
  );
}
