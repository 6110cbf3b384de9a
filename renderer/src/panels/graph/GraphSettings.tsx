/**
 * The graph's settings in a popover: what a junction's load sums, over how long, what a lane
 * carries, and whether to draw inferred links (and from which correlation on).
 */
import { useState } from 'react';
import type { GraphSettings as Settings } from '../../../../shared/graph/graphContract';
import { PopoverForm, SettingsPopover } from '../../widgets/SettingsPopover';
import { graphActions } from './graphActions';
import { parseSettingsFields, settingsFields, type GraphSettingsFields } from './graphSettingsForm';

interface Props {
  settings: Settings;
  numericColumns: readonly string[];
  /** The measure in use when the setting is auto. */
  measure: string | null;
}

function SettingsFields({ settings, numericColumns, measure, onDone }: Props & { onDone(): void }): React.JSX.Element {
  const [form, setForm] = useState<GraphSettingsFields>(() => settingsFields(settings));
  const change = (edit: Partial<GraphSettingsFields>): void => setForm((current) => ({ ...current, ...edit }));
  return (
    <PopoverForm className="graph-settings-popover" parse={() => parseSettingsFields(form)} apply={(value) => graphActions.configure(value)} onDone={onDone}>
      <label>
        Load measure
        <select value={form.measure} onChange={(event) => change({ measure: event.target.value })}>
          <option value="">Auto{measure ? ` (${measure})` : ''}</option>
          {numericColumns.map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
        </select>
      </label>
      <label>
        Window (minutes)
        <input type="number" min={1} step="any" value={form.windowMinutes} onChange={(event) => change({ windowMinutes: event.target.value })} />
      </label>
      <label>
        Lane capacity per hour
        <input
          type="text"
          inputMode="decimal"
          placeholder="auto"
          title="Vehicles one lane carries per hour; empty rates congestion against the busiest road"
          value={form.laneCapacity}
          onChange={(event) => change({ laneCapacity: event.target.value })}
        />
      </label>
      <label className="graph-settings-check">
        <input type="checkbox" checked={form.inferredEnabled} onChange={(event) => change({ inferredEnabled: event.target.checked })} />
        Inferred links between locations whose counts correlate
      </label>
      <label>
        Correlation threshold
        <input
          type="range"
          aria-label="Correlation threshold slider"
          min={-1}
          max={1}
          step={0.01}
          disabled={!form.inferredEnabled}
          value={Number.isFinite(Number(form.threshold)) ? Number(form.threshold) : 0.9}
          onChange={(event) => change({ threshold: event.target.value })}
        />
        <input
          type="number"
          aria-label="Correlation threshold"
          min={-1}
          max={1}
          step={0.01}
          disabled={!form.inferredEnabled}
          value={form.threshold}
          onChange={(event) => change({ threshold: event.target.value })}
        />
      </label>
    </PopoverForm>
  );
}

export function GraphSettings(props: Props): React.JSX.Element {
  return (
    <SettingsPopover className="graph-settings" summary="Settings…" title="Load measure, window, lane capacity, inferred links">
      {(close) => <SettingsFields {...props} onDone={close} />}
    </SettingsPopover>
  );
}
