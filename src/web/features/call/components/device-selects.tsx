import { SelectField } from '#web/components/ui/select-field.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { deviceIdOf, supportsSpeakerChoice } from '#web/features/call/media/local-media.ts';
import type { DeviceLists } from '#web/features/call/media/local-media.ts';
import type { MediaProblem } from '#web/features/call/media/media-problem.ts';
import type { LocalMediaStore } from '#web/features/call/media/media-store.ts';
import type { MediaSnapshot } from '#web/features/call/media/media-snapshot.ts';

interface DeviceSelectsProps {
  store: LocalMediaStore;
  media: MediaSnapshot;
  devices: DeviceLists;
}

function problemText(error: unknown, fallback: MediaProblem | null): string {
  return fallback ? `${fallback.title}. ${fallback.help}` : error instanceof Error ? error.message : 'Não foi possível trocar o aparelho.';
}

/** "Câmera", "Microfone" and, where the browser allows choosing it, "Saída de som". */
export function DeviceSelects({ store, media, devices }: DeviceSelectsProps) {
  const toast = useToast();
  const cameraId = deviceIdOf(media.camera) || media.cameraId;
  const microphoneId = deviceIdOf(media.microphone) || media.microphoneId;
  const option = (d: { deviceId: string; label: string }) => ({ value: d.deviceId, label: d.label });

  return (
    <div className="device-selects">
      <SelectField
        label="Câmera"
        options={devices.cameras.map(option)}
        placeholder={devices.cameras.length === 0 ? 'Nenhuma câmera encontrada' : undefined}
        value={devices.cameras.some((d) => d.deviceId === cameraId) ? cameraId : (devices.cameras[0]?.deviceId ?? '')}
        disabled={devices.cameras.length === 0}
        onChange={(e) => {
          store.selectCamera(e.target.value).catch((error: unknown) => toast.notify(problemText(error, store.getSnapshot().videoProblem), 'error'));
        }}
      />
      <SelectField
        label="Microfone"
        options={devices.microphones.map(option)}
        placeholder={devices.microphones.length === 0 ? 'Nenhum microfone encontrado' : undefined}
        value={devices.microphones.some((d) => d.deviceId === microphoneId) ? microphoneId : (devices.microphones[0]?.deviceId ?? '')}
        disabled={devices.microphones.length === 0}
        onChange={(e) => {
          store.selectMicrophone(e.target.value).catch((error: unknown) => toast.notify(problemText(error, store.getSnapshot().audioProblem), 'error'));
        }}
      />
      {supportsSpeakerChoice() && devices.speakers.length > 0 ? (
        <SelectField
          label="Saída de som"
          options={devices.speakers.map(option)}
          value={devices.speakers.some((d) => d.deviceId === media.speakerId) ? media.speakerId : (devices.speakers[0]?.deviceId ?? '')}
          onChange={(e) => store.selectSpeaker(e.target.value)}
        />
      ) : null}
    </div>
  );
}
