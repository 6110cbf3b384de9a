/**
 * The encoding control of the Edit roles dialog: detect from the bytes, or read the file in the
 * encoding the user knows it has (an ASCII head can hide a Latin-1 tail, or a file may be in
 * neither). Remembered per header with the roles.
 */
import { FILE_ENCODINGS, FILE_ENCODING_LABELS, type EncodingInfo, type FileEncoding } from '../../../../shared/encoding';

interface Props {
  /** How the file is read now. */
  current: EncodingInfo;
  /** The choice in the dialog; null: detect. */
  value: FileEncoding | null;
  onChange(value: FileEncoding | null): void;
}

/** The dialog's starting choice: the encoding the user chose before, else detection. */
export function initialEncodingChoice(current: EncodingInfo | null): FileEncoding | null {
  return current?.chosen ? current.name : null;
}

export function EncodingChoice({ current, value, onChange }: Props): React.JSX.Element {
  const detectLabel = current.chosen ? 'Detect from the bytes' : `Detect from the bytes (${FILE_ENCODING_LABELS[current.name]})`;
  return (
    <label>
      Text encoding
      <select aria-label="Text encoding" value={value ?? 'detect'} onChange={(event) => onChange(event.target.value === 'detect' ? null : (event.target.value as FileEncoding))}>
        <option value="detect">{detectLabel}</option>
        {FILE_ENCODINGS.map((encoding) => (
          <option key={encoding} value={encoding}>
            {FILE_ENCODING_LABELS[encoding]}
            {encoding === 'windows-1252' ? ' (also ISO-8859-1 / Latin-1)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
