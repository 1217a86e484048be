import type { Role } from '#shared/permissions.ts';
import type { UserStatus } from '#shared/schemas/common.ts';
import { SelectField } from '#web/components/ui/select-field.tsx';
import { SearchBox } from '#web/components/search-box.tsx';
import type { UserFilterValues } from './user-filter-params';
import '#web/components/person-list.css';

const ROLE_OPTIONS = [
  { value: 'doctor', label: 'Médicos' },
  { value: 'patient', label: 'Pacientes' },
  { value: 'admin', label: 'Administradores' },
];

const STATUS_OPTIONS = [
  { value: 'active', label: 'Ativos' },
  { value: 'inactive', label: 'Inativos' },
];

/** Search box plus role and status selects. */
export function UserFilters({ filters, onChange }: { filters: UserFilterValues; onChange: (next: Partial<UserFilterValues>) => void }) {
  return (
    <div className="filters" role="search">
      <SearchBox initial={filters.q} onSearch={(q) => onChange({ q })} />
      <SelectField
        label="Perfil"
        placeholder="Todos"
        options={ROLE_OPTIONS}
        value={filters.role ?? ''}
        onChange={(e) => onChange({ role: (e.target.value || null) as Role | null })}
      />
      <SelectField
        label="Situação"
        placeholder="Todas"
        options={STATUS_OPTIONS}
        value={filters.status ?? ''}
        onChange={(e) => onChange({ status: (e.target.value || null) as UserStatus | null })}
      />
    </div>
  );
}
