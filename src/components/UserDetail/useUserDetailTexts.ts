import type { Labels } from '../../i18n/en-US.js';
import { userDetailEnUS, type UserDetailLabels } from '../../i18n/userDetail.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

type PageLabels = ReturnType<typeof useUserTrackingContext>['labels'] & UserDetailLabels;
const merged = new WeakMap<Labels, PageLabels>();

/**
 * The provider's context with the user page's English texts under the host's: they load with the
 * page's parts, not with the provider. One merged object per provider texts, so it can sit in a
 * memo's dependencies.
 */
export function useUserDetailTexts(consumerName: string) {
  const context = useUserTrackingContext(consumerName);
  let labels = merged.get(context.labels);
  if (!labels) merged.set(context.labels, (labels = { ...userDetailEnUS, ...context.labels }));
  return { ...context, labels };
}
