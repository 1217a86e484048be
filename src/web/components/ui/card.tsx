import clsx from 'clsx';
import type { HTMLAttributes, ReactNode } from 'react';
import './card.css';

interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'div' | 'section' | 'article' | 'li';
  /** Lifts on hover: for cards that are, or contain, one main link. */
  interactive?: boolean;
  /** No padding: for lists that run edge to edge. */
  flush?: boolean;
}

/** A frosted-glass card: translucent white, blurred background, soft shadow. */
export function Card({ as: Tag = 'div', interactive = false, flush = false, className, ...rest }: CardProps) {
  return <Tag {...rest} className={clsx('card', interactive && 'card-interactive', flush && 'card-flush', className)} />;
}

/** A card's title row: an h2 (or given level), an optional description and actions. */
export function CardHeader({
  title,
  description,
  actions,
  id,
  level = 2,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  id?: string;
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="card-header">
      <div>
        <Heading id={id}>{title}</Heading>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div className="row">{actions}</div> : null}
    </div>
  );
}
