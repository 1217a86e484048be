import type { EvolutionContent, Evolution, SaveEvolutionInput } from '#shared/schemas/records.ts';

/** A diagnosis row in the editor; `key` only lives on this device (React list key, focus target). */
export interface DiagnosisRow {
  key: string;
  code: string;
  description: string;
}

/** A prescription item row in the editor. */
export interface PrescriptionRow {
  key: string;
  medicine: string;
  dose: string;
  route: string;
  frequency: string;
  duration: string;
  instructions: string;
}

/** Everything the doctor edits in one evolution entry. */
export interface EvolutionFormValues {
  content: EvolutionContent;
  diagnoses: DiagnosisRow[];
  prescriptions: PrescriptionRow[];
}

export const CONTENT_FIELDS = ['complaint', 'history', 'exam', 'plan', 'notes'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
export const PRESCRIPTION_FIELDS = ['medicine', 'dose', 'route', 'frequency', 'duration', 'instructions'] as const;
export type PrescriptionField = (typeof PRESCRIPTION_FIELDS)[number];

let counter = 0;
/** A key unique on this page. */
export function newRowKey(): string {
  counter += 1;
  return `row-${Date.now().toString(36)}-${counter}`;
}

export function emptyDiagnosis(): DiagnosisRow {
  return { key: newRowKey(), code: '', description: '' };
}

export function emptyPrescription(): PrescriptionRow {
  return { key: newRowKey(), medicine: '', dose: '', route: '', frequency: '', duration: '', instructions: '' };
}

/** The editor's values for a saved entry. */
export function formValuesFrom(evolution: Pick<Evolution, 'content' | 'diagnoses' | 'prescriptions'>): EvolutionFormValues {
  return {
    content: { ...evolution.content },
    diagnoses: evolution.diagnoses.map((d) => ({ key: newRowKey(), code: d.code, description: d.description })),
    prescriptions: evolution.prescriptions.map((p) => ({ key: newRowKey(), ...p })),
  };
}

/** True when every text of a row is empty or spaces (the server refuses such rows). */
export function isBlankRow(row: object): boolean {
  return Object.entries(row).every(([name, value]) => name === 'key' || typeof value !== 'string' || value.trim() === '');
}

function withoutKey<T extends { key: string }>({ key: _key, ...rest }: T): Omit<T, 'key'> {
  return rest;
}

/** The PUT body: the latest version number and the values, with completely blank rows left out. */
export function toSaveInput(values: EvolutionFormValues, version: number): SaveEvolutionInput & { version: number } {
  return {
    version,
    content: { ...values.content },
    diagnoses: values.diagnoses.filter((row) => !isBlankRow(row)).map(withoutKey),
    prescriptions: values.prescriptions.filter((row) => !isBlankRow(row)).map(withoutKey),
  };
}

/** The part of the values the server stores, for comparing two states (row keys and blank rows do not count). */
export function savedShape(values: EvolutionFormValues): string {
  const { version: _version, ...rest } = toSaveInput(values, 1);
  return JSON.stringify(rest);
}

/** True when the two states would save the same thing. */
export function sameSavedContent(a: EvolutionFormValues, b: EvolutionFormValues): boolean {
  return savedShape(a) === savedShape(b);
}

/** True when there is nothing written at all. */
export function isEmptyForm(values: EvolutionFormValues): boolean {
  const input = toSaveInput(values, 1);
  return Object.values(input.content).every((v) => (v ?? '').trim() === '') && (input.diagnoses?.length ?? 0) === 0 && (input.prescriptions?.length ?? 0) === 0;
}
