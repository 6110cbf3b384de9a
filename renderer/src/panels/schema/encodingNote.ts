/** How the Columns panel names a file's encoding: only when it is not plain UTF-8, or was chosen. */
import { FILE_ENCODING_LABELS, type EncodingInfo } from '../../../../shared/encoding';

export function encodingNote(encoding: EncodingInfo | null): string | null {
  if (!encoding || (encoding.name === 'utf-8' && !encoding.chosen)) return null;
  return `Encoding: ${FILE_ENCODING_LABELS[encoding.name]}, ${encoding.chosen ? 'chosen' : 'detected'}`;
}
