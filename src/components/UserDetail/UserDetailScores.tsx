'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { ScoreRow } from '../../client/types.js';
import { scoresTabEnUS } from '../../i18n/scoresTab.js';
import { HistoryTable } from './HistoryTable.js';
import { SCORE_COLUMNS } from './scoreColumns.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailScores
 * -----------------------------------------------------------------------------------------*/

const SCORES_NAME = 'UserDetailScores';

export type UserDetailScoresProps = ComponentPropsWithoutRef<'div'>;

/**
 * The scores on the user's traces in the range and on their sessions, a page at a time: time,
 * name, value, source, comment and trace or session (linked to the host's viewers); where the
 * source reads no scores on sessions, a note says so. Headers sort (the sort and page are the
 * root's `scoresTable`); the rows are asked for while the scores tab is open.
 *
 * @example
 * <UserDetailRoot userId={id} defaultTab="scores"><UserDetailScoreChart /><UserDetailScores /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-scores"] [data-stale]
 */
export const UserDetailScores = forwardRef<HTMLDivElement, UserDetailScoresProps>((props, ref) => {
  const { client, format, labels } = useUserDetailTexts(SCORES_NAME);
  const { scores, scoresTable, setScoresTable, pageSize, getTraceHref, getSessionHref } = useUserDetailContext(SCORES_NAME);
  return (
    <div data-part="user-detail-scores" data-stale={scores.isPlaceholderData ? '' : undefined} {...props} ref={ref}>
      <HistoryTable
        result={scores}
        columns={SCORE_COLUMNS}
        state={scoresTable}
        onStateChange={setScoresTable}
        pageSize={pageSize}
        getRowId={scoreId}
        meta={{ labels, format, getTraceHref, getSessionHref }}
        subject={labels.subjectScores}
        empty={labels.noScores}
      />
      {/* The feedback figures then count scores on traces only: said where they are listed. */}
      {!client.capabilities.sessionScores && <p data-part="user-detail-note">{{ ...scoresTabEnUS, ...labels }.sessionScoresNotRead}</p>}
    </div>
  );
});
UserDetailScores.displayName = SCORES_NAME;

const scoreId = (score: ScoreRow) => score.id;
