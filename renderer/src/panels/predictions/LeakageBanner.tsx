/**
 * Same-row columns that reconstruct the target (Total = cars + bikes + buses + trucks) make a
 * model look perfect while forecasting nothing: said loudly, with a way out.
 */
import type { PredictView } from '../../../../shared/predict/predictContract';
import { formatR2 } from './predictFormat';
import { predictActions } from './predictActions';

export function LeakageBanner({ view }: { view: PredictView }): React.JSX.Element | null {
  const leakage = view.leakage;
  if (!leakage) return null;
  const columns = leakage.columns.join(', ');
  const drop = (): void => {
    const leaking = new Set(leakage.columns);
    predictActions.change((current) => ({ ...current, rawColumns: current.rawColumns.filter((name) => !leaking.has(name)) }));
  };
  return (
    <div className="predict-leakage" role="alert" data-testid="predict-leakage">
      <p>
        <strong>Target leakage:</strong> {columns} {leakage.columns.length === 1 ? 'reconstructs' : 'reconstruct'} {view.target ?? 'the target'} on their own
        (R² {formatR2(leakage.r2)}). The metrics flatter the model: these values are only known once the interval is over.
      </p>
      {leakage.message && <p className="predict-leakage-detail">{leakage.message}</p>}
      <button type="button" onClick={drop}>
        Stop using {columns}
      </button>
    </div>
  );
}
