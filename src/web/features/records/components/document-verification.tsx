import { useEffect, useState } from 'react';
import { qrSvg } from '#web/components/ui/pix-qr-svg.ts';
import { formatDateTime } from '#web/lib/format-date.ts';

/** The link as printed: without "https://", which nobody needs to type. */
function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/**
 * The foot of a printed document: a QR code and a link to the public page that confirms it
 * (doctor, date, hash) without showing its content. Replaces the bare SHA-256, which nobody could
 * check by hand.
 */
export function DocumentVerification({ url, issuedAt }: { url: string; issuedAt: string }) {
  const [qr, setQr] = useState<{ url: string; svg: string | null }>({ url, svg: null });

  useEffect(() => {
    let current = true;
    qrSvg(url).then(
      (svg) => current && setQr({ url, svg }),
      () => current && setQr({ url, svg: null }),
    );
    return () => {
      current = false;
    };
  }, [url]);

  const svg = qr.url === url ? qr.svg : null;
  return (
    <div className="doc-verify">
      {svg ? (
        // The SVG comes from the qrcode library (paths only; the link is encoded, never inserted as markup).
        <div className="doc-verify-qr" role="img" aria-label="QR Code para conferir este documento" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <div className="doc-verify-qr" aria-hidden="true" />
      )}
      <div className="doc-verify-text">
        <p className="doc-label">Confira a autenticidade</p>
        <p>
          Aponte a câmera do celular para o QR Code ou abra <a href={url}>{shortUrl(url)}</a> para confirmar o médico, a data e a assinatura eletrônica deste
          documento.
        </p>
        <p className="doc-small">Emitido em {formatDateTime(issuedAt)} pelo MedConnect.</p>
      </div>
    </div>
  );
}
