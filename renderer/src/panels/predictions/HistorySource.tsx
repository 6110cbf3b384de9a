/**
 * What trains the model before the replay: nothing, the open file's first days, or another CSV
 * with the same columns (the desktop's native dialog; in a browser, uploaded to the web host).
 */
import { useRef } from 'react';
import { DEFAULT_PREDICT_SETTINGS, type HistorySource as History, type PredictSettings } from '../../../../shared/predict/predictContract';
import { isDesktop } from '../../transport/engineClient';
import { CommitNumberInput } from './CommitNumberInput';
import { RULES } from './settingsForm';
import { predictActions } from './predictActions';
import { usePredictStore } from './predictStore';
import { HiddenFileInput } from '../../widgets/HiddenFileInput';

const KIND_LABELS: Record<History['kind'], string> = {
  none: 'None (stream only)',
  fileDays: 'First days of this file',
  csv: 'Another CSV…',
};

const DEFAULT_DAYS = DEFAULT_PREDICT_SETTINGS.history.kind === 'fileDays' ? DEFAULT_PREDICT_SETTINGS.history.days : 7;

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export function HistorySource({ settings, historyRead }: { settings: PredictSettings; historyRead: string | null }): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const uploading = usePredictStore((s) => s.uploading);
  const history = settings.history;
  const configure = (next: History): void => predictActions.change((current) => ({ ...current, history: next }));

  const chooseCsv = async (): Promise<void> => {
    if (!isDesktop) {
      input.current?.click();
      return;
    }
    const path = await predictActions.showHistoryDialog();
    if (path) configure({ kind: 'csv', path });
  };

  const onKind = (kind: History['kind']): void => {
    if (kind === 'none') configure({ kind: 'none' });
    else if (kind === 'fileDays') configure({ kind: 'fileDays', days: DEFAULT_DAYS });
    else void chooseCsv(); // the select keeps its old value until a file is chosen
  };

  return (
    <div className="predict-history">
      <label>
        History
        <select aria-label="History source" value={history.kind} onChange={(event) => onKind(event.target.value as History['kind'])} title="Rows the model trains on before the replay">
          {(Object.keys(KIND_LABELS) as History['kind'][]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      {history.kind === 'fileDays' && (
        <label>
          <CommitNumberInput value={history.days} rule={RULES.days} label="History days" onCommit={(days) => configure({ kind: 'fileDays', days })} />
          days
        </label>
      )}
      {history.kind === 'csv' && (
        <>
          <span className="predict-history-file" title={history.path} data-testid="predict-history-file">
            {fileName(history.path)}
          </span>
          <button type="button" onClick={() => void chooseCsv()} disabled={uploading}>
            Change…
          </button>
        </>
      )}
      {uploading && <span className="panel-meta">Uploading…</span>}
      {historyRead !== null && (
        <span className="panel-meta" data-testid="predict-history-read">
          {historyRead}
        </span>
      )}
      {!isDesktop && (
        <HiddenFileInput
          inputRef={input}
          accept=".csv,.tsv,.txt,text/csv"
          label="History CSV to upload"
          onFile={(file) =>
            void predictActions.uploadHistory(file).then((path) => {
              if (path) configure({ kind: 'csv', path });
            })
          }
        />
      )}
    </div>
  );
}
