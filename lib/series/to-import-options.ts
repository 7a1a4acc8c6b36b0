import type { ReadOptions } from "../csv/read-dataset";
import type { ImportOptions } from "./schema";

/**
 * What the upload form sends: only the choices the analyst made, so that what detection decides is
 * left for the server to decide the same way.
 * @param seriesNames new names by detected name; blank ones keep the detected name
 * @param name the dataset's name; blank keeps the default (the file's own title, else its file name)
 */
export function toImportOptions(options: ReadOptions, seriesNames: Record<string, string>, name: string): ImportOptions {
  const renamed = Object.fromEntries(Object.entries(seriesNames).filter(([, value]) => value.trim() !== ""));
  return {
    ...(name.trim() ? { name: name.trim() } : {}),
    ...(options.timeColumn !== undefined ? { timeColumn: options.timeColumn } : {}),
    ...(options.valueColumns ? { valueColumns: options.valueColumns } : {}),
    ...(options.idColumn !== undefined ? { idColumn: options.idColumn } : {}),
    ...(options.idColumns?.length ? { idColumns: options.idColumns } : {}),
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(options.decimal ? { decimal: options.decimal } : {}),
    ...(options.repeatedTimes ? { repeatedTimes: options.repeatedTimes } : {}),
    ...(options.aggregate ? { aggregate: options.aggregate } : {}),
    ...(Object.keys(renamed).length ? { seriesNames: renamed } : {}),
  };
}
