import { TriangleAlert } from 'lucide-react';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { useResetEnabled } from '#web/features/backups/api/reset-enabled.ts';
import './danger-zone-card.css';

/** "Zona de perigo" on the admin's dashboard: the way to the reset, hidden when it is turned off. */
export function DangerZoneCard() {
  const enabled = useResetEnabled();
  if (!enabled) return null;
  return (
    <Card as="section" className="danger-zone" aria-labelledby="danger-zone-title">
      <div>
        <h2 id="danger-zone-title">
          <TriangleAlert aria-hidden="true" />
          Zona de perigo
        </h2>
        <p>
          Redefinir o banco de dados apaga médicos, pacientes, consultas, prontuários e faturamento. Ficam só as contas de administração. Um backup conferido é
          feito antes.
        </p>
      </div>
      <ButtonLink to="/admin/redefinir" variant="danger-outline">
        Redefinir banco de dados
      </ButtonLink>
    </Card>
  );
}
