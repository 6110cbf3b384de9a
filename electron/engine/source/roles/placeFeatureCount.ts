/**
 * "How many X" columns that describe a counting site rather than its traffic: Montpellier's
 * `nb_canaux` (number of channels) and `nb_annee` (years counted), `number of lanes`,
 * `count_of_detectors`. Small whole numbers repeated on every row of a site, they would otherwise
 * outrank a daily-traffic average that stands later in the header. A "number of" vehicles,
 * bicycles or passages is traffic, and stays a measure.
 */
import { namesTrafficCount } from '../mainMeasure';

/**
 * `nb_`, `nbr`, `nbre`, `num_` before the thing counted; or `number of`, `count of`, `nombre de`,
 * `numero di`, `número de`, `Anzahl der` (with their `of`: `count lane1` is a lane's traffic).
 */
const HOW_MANY_PREFIX = /^((nb|nbr|nbre|num)[\s_.-]+|(number|count|nombre|numero|n(ú|u)mero|anzahl)[\s_-]+(of|de|d'|der|di|du|des)[\s_-]*)/i;

export function namesHowManyAPlaceHas(name: string): boolean {
  const match = HOW_MANY_PREFIX.exec(name.trim());
  if (!match) return false;
  const what = name.trim().slice(match[0].length);
  return what !== '' && !namesTrafficCount(what);
}
