import type { MyDoctor } from '#shared/schemas/users.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Card } from '#web/components/ui/card.tsx';
import './dashboard.css';

/** One of the patient's doctors: photo, name, specialty and CRM. */
export function DoctorCard({ doctor }: { doctor: MyDoctor }) {
  return (
    <Card as="li" interactive className="doctor-card">
      <Avatar name={doctor.name} photoUrl={doctor.photoUrl} size="lg" />
      <div className="doctor-card-text">
        <h3>{doctor.name}</h3>
        <p>{doctor.specialty}</p>
        <p className="doctor-card-crm">{doctor.crm}</p>
      </div>
    </Card>
  );
}
