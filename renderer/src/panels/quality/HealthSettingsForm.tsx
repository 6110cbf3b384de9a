/**
 * The health checks' settings: whether rows are checked at all, how long a repeated value is stuck,
 * the site's capacity, the spike factor.
 */
import { useState } from 'react';
import type { AnalysisSettings } from '../../../../shared/analysis/analysisContract';
import { analysisActions } from './analysisActions';

interface Draft {
  enabled: boolean;
  stuckMinutes: string;
  capacity: string;
  spikeK: string;
}

const draftOf = (settings: AnalysisSettings): Draft => ({
  enabled: settings.enabled,
  stuckMinutes: String(settings.stuckDurationMs / 60_000),
  capacity: settings.capacityPerHour === null ? '' : String(settings.capacityPerHour),
  spikeK: String(settings.spikeK),
});

/** The settings the draft describes, or a reason it does not. */
function parseDraft(draft: Draft): AnalysisSettings | string {
  const stuck = Number(draft.stuckMinutes);
  if (!Number.isInteger(stuck) || stuck < 1 || stuck > 30 * 1440) return 'Stuck after: whole minutes, 1 to 43,200.';
  const capacity = draft.capacity.trim() === '' ? null : Number(draft.capacity);
  if (capacity !== null && !(capacity > 0 && capacity <= 1_000_000)) return 'Capacity: vehicles per hour above 0, or empty for no capacity check.';
  const spikeK = Number(draft.spikeK);
  if (!(spikeK >= 1 && spikeK <= 1000)) return 'Spike k: 1 to 1,000.';
  return { stuckDurationMs: stuck * 60_000, capacityPerHour: capacity, spikeK, enabled: draft.enabled };
}

export function HealthSettingsForm({ settings, pending }: { settings: AnalysisSettings; pending: boolean }): React.JSX.Element {
  const [draft, setDraft] = useState<Draft | null>(null);
  const shown = draft ?? draftOf(settings);
  const parsed = parseDraft(shown);
  const set = (field: keyof Draft) => (event: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...shown, [field]: event.target.value });
  return (
    <form
      className="quality-settings"
      aria-label="Health settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (typeof parsed === 'string') return;
        void analysisActions.configure(parsed).then(() => setDraft(null));
      }}
    >
      <label title="Data quality, profiles and alarms check every row in a worker beside the replay; off, a full-speed replay keeps the whole machine">
        <input type="checkbox" checked={shown.enabled} onChange={(event) => setDraft({ ...shown, enabled: event.target.checked })} />
        Check rows
      </label>
      <label title="A repeated non-zero value this long is a stuck detector">
        Stuck after (min)
        <input type="number" min={1} step={1} className="quality-number" value={shown.stuckMinutes} onChange={set('stuckMinutes')} />
      </label>
      <label title="Vehicles per hour the site cannot exceed; empty: no capacity check">
        Capacity (veh/h)
        <input type="number" min={1} className="quality-number" placeholder="none" value={shown.capacity} onChange={set('capacity')} />
      </label>
      <label title="A value above median + k × robust spread of the location's history is far above usual">
        Spike k
        <input type="number" min={1} step="any" className="quality-number" value={shown.spikeK} onChange={set('spikeK')} />
      </label>
      <button type="submit" disabled={draft === null || typeof parsed === 'string'}>
        Apply
      </button>
      {typeof parsed === 'string' && (
        <span className="quality-invalid" role="alert">
          {parsed}
        </span>
      )}
      {pending && <span className="muted">Applies when the replay starts again.</span>}
    </form>
  );
}
