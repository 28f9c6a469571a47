import type { Formatters } from '../../format/createFormatters.js';
import type { PageLabels } from '../../i18n/userDetail.js';

/** A score as read out: yes / no, a number, or the category's label. */
export function scoreText(score: { dataType: string; value: number | null; stringValue: string | null }, labels: PageLabels, format: Formatters): string {
  if (score.dataType === 'BOOLEAN') return score.value === 1 ? labels.scoreYes : score.value === 0 ? labels.scoreNo : labels.noValueShort;
  if (score.dataType === 'NUMERIC') return score.value === null ? labels.noValueShort : format.decimal(score.value);
  return score.stringValue ?? (score.value === null ? labels.noValueShort : format.decimal(score.value));
}
