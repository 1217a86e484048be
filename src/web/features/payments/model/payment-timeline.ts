import { formatBRL } from '#shared/domain/money.ts';
import { PIX_KEY_TYPES, PIX_KEY_TYPE_LABELS, type PixKeyType, formatPixKey } from '#shared/domain/pix.ts';
import type { PaymentEvent } from '#shared/schemas/payments.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import type { PaymentViewer } from './payment-text';

/** One step of a payment's history, in words: the sentence, and a second line when there is more to say. */
export interface TimelineLine {
  sentence: string;
  detail: string | null;
}

interface TimelineContext {
  viewer: PaymentViewer;
  /** The payment's doctor: "Você" to themselves, "Dr(a). Ana Souza" to the admin. */
  doctor: { id: string; name: string };
}

/** "E-mail ana@exemplo.com" / "CPF 123.456.789-09"; null for anything that is not a key. */
export function pixKeyText(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const { type, key } = value as { type?: unknown; key?: unknown };
  if (typeof key !== 'string' || !PIX_KEY_TYPES.includes(type as PixKeyType)) return null;
  return `${PIX_KEY_TYPE_LABELS[type as PixKeyType]} ${formatPixKey(type as PixKeyType, key)}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateText = (v: unknown) => {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
};
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ') || null;

/**
 * A payment event as a sentence for the timeline. The doctor reads "Você confirmou o
 * recebimento" and "A clínica pagou"; the admin reads who did what ("Dr(a). Ana Souza disse
 * que não recebeu", "Marina marcou como pago").
 */
export function paymentEventText(e: PaymentEvent, { viewer, doctor }: TimelineContext): TimelineLine {
  const d = e.details ?? {};
  const byDoctor = e.actor?.id === doctor.id;
  const doctorName = doctorTitle(doctor.name);
  // Who did it, as the reader would say it.
  const who = byDoctor ? (viewer === 'doctor' ? 'Você' : doctorName) : viewer === 'doctor' ? 'A clínica' : (e.actor?.name ?? 'A clínica');
  switch (e.action) {
    case 'created': {
      const net = num(d.netCents);
      const count = num(d.consultations);
      const amount = net !== null ? `: ${formatBRL(net)}${count !== null ? ` por ${count === 1 ? '1 consulta' : `${count} consultas`}` : ''}` : '';
      const noKey = d.pixKey === 'missing' ? (viewer === 'doctor' ? 'Você ainda não tinha chave PIX no perfil.' : 'Sem chave PIX no fechamento.') : null;
      return { sentence: `${who} fechou o mês${amount}.`, detail: noKey };
    }
    case 'paid': {
      const again = e.fromStatus === 'disputed';
      const on = dateText(d.paidOn);
      const verb = viewer === 'doctor' ? (again ? 'pagou de novo' : 'pagou por PIX') : again ? 'marcou como pago de novo' : 'marcou como pago';
      const e2e = str(d.pixEndToEndId);
      return {
        sentence: `${who} ${verb}${on ? ` em ${on}` : ''}.`,
        detail: join(e2e ? `Identificador do PIX: ${e2e}.` : null, str(e.note) ? `Observação: ${str(e.note)}` : null),
      };
    }
    case 'received':
      return { sentence: `${who} confirmou o recebimento.`, detail: null };
    case 'disputed': {
      const verb = viewer === 'doctor' && byDoctor ? 'avisou que não recebeu' : 'disse que não recebeu';
      return { sentence: `${who} ${verb}.`, detail: str(e.note) ? `“${str(e.note)}”` : null };
    }
    case 'cancelled':
      return {
        sentence: `${who} cancelou o pagamento.`,
        detail: join(str(e.note) ? `Motivo: ${str(e.note)}.`.replace(/\.\.$/, '.') : null, 'As consultas voltam para o próximo fechamento.'),
      };
    case 'pix_key_refreshed': {
      const after = pixKeyText(d.after);
      return {
        sentence: after ? `A chave PIX do pagamento passou a ser ${after}.` : 'A chave PIX do pagamento foi retirada.',
        detail: `Mudança feita por ${who === 'Você' ? 'você' : who}.`,
      };
    }
  }
}
