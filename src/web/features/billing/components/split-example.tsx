import { Calculator } from 'lucide-react';
import { splitSentence } from '#web/features/billing/model/fee-text.ts';

/** The live example under a fees form: what the clinic keeps and the doctor receives. */
export function SplitExample({ priceCents, clinicBps, lead }: { priceCents: number; clinicBps: number; lead?: string }) {
  return (
    <div className="split-example">
      <Calculator aria-hidden="true" />
      <p>
        {lead ? <>{lead} </> : null}
        <strong className="tabular">{splitSentence(priceCents, clinicBps)}</strong>
      </p>
    </div>
  );
}
