import type { Labels } from './en-US.js';
import type { BudgetLabels } from './budget.js';
import type { FeedbackLabels } from './feedback.js';
import type { FigureHelpLabels } from './figureHelp.js';
import type { LiveRefreshLabels } from './liveRefresh.js';
import type { LoadProgressLabels } from './loadProgress.js';
import type { MetadataFilterLabels } from './metadataFilter.js';
import type { OverviewLabels } from './overview.js';
import type { ScoresTabLabels } from './scoresTab.js';
import type { SegmentsLabels } from './segments.js';
import type { TracesTabLabels } from './tracesTab.js';
import type { UserDetailLabels } from './userDetail.js';
import type { UserExportLabels } from './userExport.js';

/**
 * Every text of every part: what a complete dictionary (`userlens/locales/de`,
 * `userlens/locales/zh-CN`) holds, key for key with the English ones and their `{placeholders}`.
 */
export type Dictionary = Labels &
  UserDetailLabels &
  FigureHelpLabels &
  TracesTabLabels &
  UserExportLabels &
  OverviewLabels &
  BudgetLabels &
  SegmentsLabels &
  FeedbackLabels &
  MetadataFilterLabels &
  ScoresTabLabels &
  LiveRefreshLabels &
  LoadProgressLabels;

/** The texts counted with `{count}`: each has a `…One` form beside its other form. */
export type PluralKey = 'exportDone' | 'trendTotal' | 'resultsCount' | 'distributionBin' | 'blankUserId' | 'userExportDone' | 'moreSteps' | 'latestTraces' | 'loadReading' | 'loadReadingStream' | 'loadSkipped';

/**
 * The plural forms English does not need and other languages do (`Intl.PluralRules` categories):
 * `resultsCountFew` for Polish's "3 użytkowników"… Give them through the provider's `labels`.
 */
export type PluralLabels = Partial<Record<`${PluralKey}${'Zero' | 'Two' | 'Few' | 'Many'}`, string>>;
