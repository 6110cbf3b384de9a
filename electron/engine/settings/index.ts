/** What the rest of the engine may use from settings/: other folders import it only through this file. */
export { BusSettings } from './busSettings';
export { CappedReadError, MB, readCappedText } from './cappedFile';
export { GraphSettingsFile } from './graphSettingsFile';
export { JSON_FILE_MAX_BYTES, JsonFileWriter, readJsonFile } from './jsonFile';
export { PredictSettingsFile } from './predictSettingsFile';
export { SchemaMemory } from './schemaMemory';
export { SqlLibraryStore } from './sqlLibrary';
