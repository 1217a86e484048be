import { TriangleAlert } from 'lucide-react';
import { ButtonLink } from '../../../components/ui/button-link';
import { Card } from '../../../components/ui/card';
import { useResetEnabled } from '../api/reset-enabled';
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
        <p>Redefinir o banco de dados apaga médicos, pacientes, consultas, prontuários e faturamento. Ficam só as contas de administração. Um backup conferido é feito antes.</p>
      </div>
      <ButtonLink to="/admin/redefinir" variant="danger-outline">
        Redefinir banco de dados
      </ButtonLink>
    </Card>
  );
}
