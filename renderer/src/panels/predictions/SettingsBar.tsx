/**
 * What to forecast and how: target, model kind (λ for ridge), history source and the Training…
 * popover, then the model's inputs. Every change sends whole settings built from those on show.
 */
import { MODEL_KINDS, MODEL_KIND_LABELS, type ModelKind, type PredictView } from '../../../../shared/predict/predictContract';
import { CommitNumberInput } from './CommitNumberInput';
import { FeaturePicker } from './FeaturePicker';
import { HistorySource } from './HistorySource';
import { TrainingSettings } from './TrainingSettings';
import { RULES } from './settingsForm';
import { shownTarget, withTarget } from './settingsEdit';
import { predictActions } from './predictActions';
import { useShownSettings } from './usePredictRequests';

export function SettingsBar({ view }: { view: PredictView }): React.JSX.Element {
  const settings = useShownSettings(view);
  const target = shownTarget(settings, view.target);
  return (
    <div className="predict-settings-area" role="group" aria-label="Prediction settings">
      <div className="predict-settings">
        <label>
          Target
          <select
            aria-label="Target"
            value={target ?? ''}
            disabled={view.numericColumns.length === 0}
            onChange={(event) => {
              const next = event.target.value;
              predictActions.change((current) => withTarget(current, next));
            }}
          >
            {target === null && <option value="">No numeric column</option>}
            {view.numericColumns.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Model
          <select
            aria-label="Model"
            value={settings.model.kind}
            onChange={(event) => {
              const kind = event.target.value as ModelKind;
              predictActions.change((current) => ({ ...current, model: { ...current.model, kind } }));
            }}
          >
            {MODEL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {MODEL_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        {settings.model.kind === 'ridge' && (
          <label title="Penalty on the standardised coefficients: larger shrinks them more">
            λ
            <CommitNumberInput
              value={settings.model.lambda}
              rule={RULES.lambda}
              label="Ridge λ"
              onCommit={(lambda) => predictActions.change((current) => ({ ...current, model: { ...current.model, lambda } }))}
            />
          </label>
        )}
        <HistorySource settings={settings} historyRead={view.historyRead} />
        <TrainingSettings settings={settings} />
      </div>
      <FeaturePicker view={view} settings={settings} />
    </div>
  );
}
