'use client';
import { forwardRef } from 'react';
import { DateRangePicker, type DateRangePickerProps } from '../shared/DateRangePicker.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListDateRange
 * -----------------------------------------------------------------------------------------*/

const DATE_RANGE_NAME = 'UserListDateRange';

export type UserListDateRangeProps = Omit<DateRangePickerProps, 'value' | 'onValueChange'>;

/**
 * Presets from 30 minutes to 90 days, all time, or a custom from–to, bound to the list.
 *
 * @selector [data-part="date-range"]
 */
export const UserListDateRange = forwardRef<HTMLSpanElement, UserListDateRangeProps>((props, ref) => {
  const { range, setRange } = useUserListContext(DATE_RANGE_NAME);
  return <DateRangePicker value={range} onValueChange={setRange} {...props} ref={ref} />;
});
UserListDateRange.displayName = DATE_RANGE_NAME;
