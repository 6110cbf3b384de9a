/**
 * The model's inputs: features derived from the stream (off, with the reason, when the data
 * cannot give them) and raw columns of the same row, which are only known once the interval is
 * over — the engine flags those that leak the target, and they are marked here too.
 */
import { DERIVED_FEATURES, DERIVED_FEATURE_LABELS, type PredictSettings, type PredictView } from '../../../../shared/predict/predictContract';
import { formatR2 } from './predictFormat';
import { rawColumnChoices, shownTarget, withDerived, withRawColumn } from './settingsEdit';
import { predictActions } from './predictActions';

type FeatureOption = PredictView['features'][number];

/** The engine's list; every derived feature, offered, if it sent none. */
function featureOptions(view: PredictView): FeatureOption[] {
  return view.features.length > 0 ? view.features : DERIVED_FEATURES.map((id) => ({ id, label: DERIVED_FEATURE_LABELS[id], available: true, reason: null }));
}

export function FeaturePicker({ view, settings }: { view: PredictView; settings: PredictSettings }): React.JSX.Element {
  const raw = rawColumnChoices(view.numericColumns, shownTarget(settings, view.target));
  const leaking = new Set(view.leakage?.columns ?? []);
  return (
    <div className="predict-feature-rows">
      <fieldset className="predict-features">
        <legend>Features</legend>
        {featureOptions(view).map((feature) => {
          const why = feature.available ? undefined : (feature.reason ?? 'Not available for this data');
          return (
            <label key={feature.id} title={why} className={feature.available ? undefined : 'predict-unavailable'}>
              <input
                type="checkbox"
                title={why}
                checked={feature.available && settings.derived.includes(feature.id)}
                disabled={!feature.available}
                onChange={(event) => {
                  const on = event.target.checked;
                  predictActions.change((current) => withDerived(current, feature.id, on));
                }}
              />
              {feature.label}
            </label>
          );
        })}
      </fieldset>
      {raw.length > 0 && (
        <fieldset className="predict-features" title="Values of the same row: known only once the interval is over, so they can leak the target">
          <legend>Same-row columns</legend>
          {raw.map((name) => (
            <span key={name} className={leaking.has(name) ? 'predict-raw predict-raw-leak' : 'predict-raw'}>
              <label>
                <input
                  type="checkbox"
                  checked={settings.rawColumns.includes(name)}
                  onChange={(event) => {
                    const on = event.target.checked;
                    predictActions.change((current) => withRawColumn(current, name, on, view.numericColumns));
                  }}
                />
                {name}
              </label>
              {leaking.has(name) && view.leakage && (
                <span className="predict-leak-mark" title={`Leaks the target: R² ${formatR2(view.leakage.r2)} from these columns alone`}>
                  leaks target
                </span>
              )}
            </span>
          ))}
        </fieldset>
      )}
    </div>
  );
}
