'use client';
import { forwardRef, useId, type ComponentPropsWithoutRef } from 'react';
import { linearScale } from '../charts/linearScale.js';
import { Skeleton } from '../Status/Status.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailModels
 * -----------------------------------------------------------------------------------------*/

const MODELS_NAME = 'UserDetailModels';

export type UserDetailModelsProps = ComponentPropsWithoutRef<'section'>;

/**
 * Per model: calls, tokens, cost and its share of the user's cost, with a bar for the share.
 *
 * @example
 * <UserDetailRoot userId={id}><UserDetailModels /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-models"] [data-part="user-detail-share"]
 */
export const UserDetailModels = forwardRef<HTMLElement, UserDetailModelsProps>((props, ref) => {
  const { client, format, labels } = useUserDetailTexts(MODELS_NAME);
  const { user } = useUserDetailContext(MODELS_NAME);
  const id = useId();
  const stats = user.data;
  if (stats === null || (user.isError && stats === undefined)) return null;
  const hasCost = client.capabilities.detailFigures.includes('totalCost');
  const hasTokens = client.capabilities.detailFigures.includes('totalTokens');
  const models = stats?.models ?? [];
  const total = stats?.totalCost ?? 0;
  // Short enough that the share's figure fits beside it in a half-width column at 1280 px.
  const share = linearScale({ domain: [0, 1], range: [0, 48] });
  return (
    <section data-part="user-detail-models" aria-labelledby={`${id}-title`} {...props} ref={ref}>
      <h3 id={`${id}-title`}>{labels.modelsTitle}</h3>
      {!stats ? (
        <Skeleton width="100%" />
      ) : models.length === 0 ? (
        <p>{labels.noData}</p>
      ) : (
        <div data-part="user-detail-scroll" tabIndex={0} role="group" aria-labelledby={`${id}-title`}>
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.modelName}</th>
              <th scope="col" data-numeric="">{labels.modelCalls}</th>
              {hasTokens && <th scope="col" data-numeric="">{labels.statTotalTokens}</th>}
              {hasCost && <th scope="col" data-numeric="">{labels.statCost}</th>}
              {hasCost && <th scope="col">{labels.modelShare}</th>}
            </tr>
          </thead>
          <tbody>
            {models.map((model) => {
              const ratio = total > 0 ? model.totalCost / total : 0;
              return (
                <tr key={model.model ?? ''}>
                  <th scope="row">
                    <bdi>{model.model ?? labels.noModel}</bdi>
                  </th>
                  <td data-numeric="">{format.number(model.observationCount)}</td>
                  {hasTokens && <td data-numeric="">{format.compact(model.totalTokens)}</td>}
                  {hasCost && <td data-numeric="">{format.cost(model.totalCost)}</td>}
                  {hasCost && (
                    <td>
                      <svg width={48} height={12} aria-hidden>
                        <rect data-part="user-detail-share" x={0} y={2} height={8} width={Math.max(ratio > 0 ? 1 : 0, share(ratio))} />
                      </svg>{' '}
                      {format.percent(ratio)}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
});
UserDetailModels.displayName = MODELS_NAME;
