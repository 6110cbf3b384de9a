/**
 * A number the settings bar applies when the user is done typing (Enter or leaving the field),
 * not on every keystroke: each change rebuilds the model. Bad input stays in the field, marked,
 * with the reason in the panel's notice.
 */
import { useState } from 'react';
import { parseNumber, type NumberRule } from './settingsForm';
import { usePredictStore } from './predictStore';

interface Props {
  value: number;
  rule: NumberRule;
  /** Accessible name. */
  label: string;
  onCommit(value: number): void;
}

export function CommitNumberInput({ value, rule, label, onCommit }: Props): React.JSX.Element {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  const [invalid, setInvalid] = useState(false);
  // A new value from the engine (or another control) replaces what the field holds.
  if (shown !== value) {
    setShown(value);
    setText(String(value));
    setInvalid(false);
  }

  const commit = (): void => {
    const parsed = parseNumber(text, rule);
    setInvalid(!parsed.ok);
    if (!parsed.ok) {
      usePredictStore.getState().setNotice(parsed.message);
      return;
    }
    if (parsed.value !== value) onCommit(parsed.value);
  };

  return (
    <input
      type="number"
      className="predict-number"
      aria-label={label}
      aria-invalid={invalid}
      min={rule.min}
      max={rule.max}
      step={rule.integer ? 1 : 'any'}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') {
          setText(String(value));
          setInvalid(false);
        }
      }}
    />
  );
}
