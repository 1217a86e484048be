/** Digits of a Brazilian phone (DDD + number) as "(11) 91234-5678"; other input is returned as is. */
export function formatPhone(digits: string): string {
  const d = digits.replace(/\D/g, '').replace(/^55(?=\d{10,11}$)/, '');
  if (d.length === 11) return `(${d.slice(0, 2)}) ${d.slice(2, 7)}-${d.slice(7)}`;
  if (d.length === 10) return `(${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`;
  return digits;
}

/** "55" + DDD + number for wa.me links, or null when the input is not a Brazilian phone. */
export function whatsAppNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const d = phone.replace(/\D/g, '').replace(/^55(?=\d{10,11}$)/, '');
  return /^[1-9][1-9]\d{8,9}$/.test(d) ? `55${d}` : null;
}
