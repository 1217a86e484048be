import clsx from 'clsx';
import { PenLine, RefreshCw, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { Evolution } from '#shared/schemas/records.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { useDiscardEvolution } from '#web/features/records/api/discard-evolution.ts';
import { useFinalizeEvolution } from '#web/features/records/api/finalize-evolution.ts';
import type { ContentField, DiagnosisRow, PrescriptionRow } from '#web/features/records/model/evolution-form.ts';
import { blockingFieldNames, blockingSentence } from '#web/features/records/model/blocking-fields.ts';
import { NO_ERRORS, checkBeforeSigning, editorErrorsFromPaths, hasErrors } from '#web/features/records/model/row-errors.ts';
import type { EditorErrors } from '#web/features/records/model/row-errors.ts';
import { DiagnosisRows } from './diagnosis-rows';
import { EvolutionTextFields } from './evolution-text-fields';
import { PrescriptionRows } from './prescription-rows';
import { SaveStatusLine } from './save-status';
import { useEvolutionAutosave } from './use-evolution-autosave';
import './editor.css';

interface EvolutionEditorProps {
  /** A draft (the caller shows signed entries read-only). */
  evolution: Evolution;
  /** "call": compact and dark, for the side panel of the consultation. */
  variant?: 'page' | 'call';
  onFinalized: (evolution: Evolution) => void;
  onDiscarded: () => void;
  /** Loads the server's copy again (after a conflict). */
  onReload: () => void;
  /**
   * Non-zero: start signing now, from outside ("Assinar agora" in the call's finalize dialog).
   * The editor may mount after the request (the panel opens for it); `onSignRequestTaken` lets
   * the caller clear it, so a later remount does not ask again.
   */
  signRequest?: number;
  onSignRequestTaken?: () => void;
}

/** Rows whose errors go away once the doctor edits them. */
function withoutRowErrors(errors: EditorErrors, keys: readonly string[]): EditorErrors {
  const rows = { ...errors.rows };
  for (const key of keys) delete rows[key];
  return { ...errors, rows };
}

/**
 * The evolution editor: free notes, optional guided sections, diagnoses and prescription, saved
 * automatically as the doctor types; "Assinar evolução" makes it final after a confirmation.
 */
export function EvolutionEditor({
  evolution,
  variant = 'page',
  onFinalized,
  onDiscarded,
  onReload,
  signRequest = 0,
  onSignRequestTaken,
}: EvolutionEditorProps) {
  const autosave = useEvolutionAutosave(evolution);
  const { values, change, status } = autosave;
  const [errors, setErrors] = useState<EditorErrors>(NO_ERRORS);
  const [signError, setSignError] = useState<string | null>(null);
  const [confirmSign, setConfirmSign] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const finalize = useFinalizeEvolution();
  const discard = useDiscardEvolution();
  const stopped = status.kind === 'conflict' || status.kind === 'final';
  const isAddendum = evolution.kind === 'addendum';

  // Focus moves once the errors are on screen: a state bump, so it waits for the render that shows them
  // (a signing started from an effect renders later than a click does).
  const [focusInvalidTick, setFocusInvalidTick] = useState(0);
  useEffect(() => {
    if (focusInvalidTick > 0) rootRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalidTick]);
  const focusFirstInvalid = () => setFocusInvalidTick((n) => n + 1);

  const setContent = (field: ContentField, value: string) => {
    change({ ...values, content: { ...values.content, [field]: value } });
    if (Object.keys(errors.content).length > 0) setErrors({ ...errors, content: {} });
  };
  const setDiagnoses = (diagnoses: DiagnosisRow[]) => {
    const changed = diagnoses.filter((row) => values.diagnoses.find((old) => old.key === row.key) !== row).map((r) => r.key);
    change({ ...values, diagnoses });
    if (changed.length > 0) setErrors((e) => withoutRowErrors(e, changed));
  };
  const setPrescriptions = (prescriptions: PrescriptionRow[]) => {
    const changed = prescriptions.filter((row) => values.prescriptions.find((old) => old.key === row.key) !== row).map((r) => r.key);
    change({ ...values, prescriptions });
    if (changed.length > 0) setErrors((e) => withoutRowErrors(e, changed));
  };

  const askToSign = () => {
    setSignError(null);
    const local = checkBeforeSigning(values);
    setErrors(local);
    if (hasErrors(local)) {
      setSignError(blockingSentence(blockingFieldNames(values, local)) ?? 'Confira os campos marcados antes de assinar.');
      focusFirstInvalid();
      return;
    }
    setConfirmSign(true);
  };

  // The latest askToSign, for the effect below: it must see the values of this render.
  const askToSignRef = useRef(askToSign);
  const takenRef = useRef(onSignRequestTaken);
  useEffect(() => {
    askToSignRef.current = askToSign;
    takenRef.current = onSignRequestTaken;
  });
  useEffect(() => {
    if (signRequest === 0) return;
    takenRef.current?.();
    askToSignRef.current();
    rootRef.current?.querySelector('.evo-editor-actions')?.scrollIntoView({ block: 'nearest' });
  }, [signRequest]);

  const sign = async () => {
    setPreparing(true);
    const version = await autosave.flush();
    setPreparing(false);
    if (version === null) {
      setConfirmSign(false);
      setSignError('Não foi possível salvar o rascunho antes de assinar. Confira a conexão e tente de novo.');
      return;
    }
    finalize.mutate(
      { id: evolution.id, version },
      {
        onSuccess: (final) => {
          autosave.stop();
          setConfirmSign(false);
          onFinalized(final);
        },
        onError: (error) => {
          setConfirmSign(false);
          setSignError(messageOf(error));
          if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
            const fromServer = editorErrorsFromPaths(values, error.fields);
            setErrors(fromServer);
            setSignError(blockingSentence(blockingFieldNames(values, fromServer)) ?? messageOf(error));
            focusFirstInvalid();
          }
        },
      },
    );
  };

  const discardDraft = async () => {
    // Discard exactly what this tab saw: after a change elsewhere the server refuses (409).
    const version = await autosave.flush();
    if (version === null) {
      setConfirmDiscard(false);
      setSignError('Não foi possível descartar agora: sem conexão, ou o rascunho mudou em outra aba. Recarregue a página e tente de novo.');
      return;
    }
    discard.mutate(
      { id: evolution.id, version, patientId: evolution.patientId },
      {
        onSuccess: () => {
          autosave.stop();
          setConfirmDiscard(false);
          onDiscarded();
        },
        onError: (error) => {
          setConfirmDiscard(false);
          setSignError(messageOf(error));
        },
      },
    );
  };

  return (
    <div
      ref={rootRef}
      className={clsx('evo-editor', `evo-editor-${variant}`)}
      onBlur={(event) => {
        // Leaving a text field saves at once.
        if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) void autosave.flush();
      }}
    >
      <div className="evo-editor-bar">
        <SaveStatusLine status={status} savedAt={evolution.updatedAt} />
      </div>

      {autosave.recovery ? (
        <Alert tone="warning" title="Há um texto deste aparelho que não chegou ao servidor">
          <p>Ele foi escrito em {formatDateTime(new Date(autosave.recovery.editedAt).toISOString())}, mas a evolução foi salva de outro lugar depois disso.</p>
          <div className="row evo-alert-actions">
            <Button size="sm" onClick={autosave.applyRecovered}>
              Usar o texto deste aparelho
            </Button>
            <Button size="sm" variant="secondary" onClick={autosave.dropRecovered}>
              Manter a versão salva
            </Button>
          </div>
        </Alert>
      ) : null}

      {stopped ? (
        <Alert tone="danger" title={status.kind === 'final' ? 'Esta evolução já foi assinada' : 'Esta evolução foi alterada em outro lugar'}>
          <p>
            {status.kind === 'final'
              ? 'Ela foi assinada em outra aba ou aparelho e não pode mais mudar.'
              : 'Outra aba ou aparelho salvou uma versão mais nova. Recarregue para continuar: o que você escreveu aqui fica guardado neste aparelho e você poderá recuperar.'}
          </p>
          <div className="row evo-alert-actions">
            <Button size="sm" icon={<RefreshCw aria-hidden="true" />} onClick={onReload}>
              Recarregar
            </Button>
          </div>
        </Alert>
      ) : null}

      {errors.other.length > 0 ? (
        <Alert tone="danger">
          <ul>
            {errors.other.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <fieldset className="evo-fieldset" disabled={stopped}>
        <legend className="sr-only">{isAddendum ? 'Adendo' : 'Evolução'}</legend>
        <EvolutionTextFields content={values.content} errors={errors.content} onChange={setContent} compact={variant === 'call'} />
        <DiagnosisRows rows={values.diagnoses} errors={errors.rows} onChange={setDiagnoses} />
        <PrescriptionRows rows={values.prescriptions} errors={errors.rows} onChange={setPrescriptions} />
      </fieldset>

      {/* Beside the button that failed: in the call's narrow panel the top of the form is out of sight. */}
      {signError ? <Alert tone="danger">{signError}</Alert> : null}
      <div className="evo-editor-actions">
        <Button icon={<PenLine aria-hidden="true" />} onClick={askToSign} disabled={stopped} loading={preparing || finalize.isPending}>
          {isAddendum ? 'Assinar adendo' : 'Assinar evolução'}
        </Button>
        <Button variant="danger-outline" icon={<Trash2 aria-hidden="true" />} onClick={() => setConfirmDiscard(true)} disabled={stopped}>
          Descartar rascunho
        </Button>
      </div>

      <ConfirmDialog
        open={confirmSign}
        title={isAddendum ? 'Assinar este adendo?' : 'Assinar esta evolução?'}
        description="Depois de assinada, ela não pode mais ser alterada nem apagada. Se precisar corrigir algo, você acrescenta um adendo, que fica registrado junto dela."
        confirmLabel="Sim, assinar"
        loading={preparing || finalize.isPending}
        onConfirm={() => void sign()}
        onClose={() => setConfirmSign(false)}
      />
      <ConfirmDialog
        open={confirmDiscard}
        title="Descartar este rascunho?"
        description="O que foi escrito neste rascunho será apagado e não aparecerá na ficha do paciente."
        confirmLabel="Sim, descartar"
        confirmVariant="danger"
        loading={discard.isPending}
        onConfirm={discardDraft}
        onClose={() => setConfirmDiscard(false)}
      />
    </div>
  );
}
