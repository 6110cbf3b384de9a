/** A file ready to replay: what sniffing found, the schema in force, and what the page is shown. */
import type { FileInfo } from '../../../shared/contract';
import type { SniffedCsv } from '../source/sniffCsv';
import type { TableSchema } from '../source/tableSchema';

export interface OpenedFile {
  sniffed: SniffedCsv;
  schema: TableSchema;
  info: FileInfo;
}
