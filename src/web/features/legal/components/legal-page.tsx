import type { ReactNode } from 'react';
import { Card } from '#web/components/ui/card.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import './legal.css';

/** The frame of a legal text: title, last update, content in a readable column. */
export function LegalPage({ title, updated, intro, children }: { title: string; updated: string; intro: string; children: ReactNode }) {
  return (
    <div className="legal">
      <PageHeader title={title} description={intro} />
      <Card className="legal-body">
        <p className="legal-updated">Última atualização: {updated}</p>
        {children}
      </Card>
    </div>
  );
}
