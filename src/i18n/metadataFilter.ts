/**
 * The texts of the list's metadata filter. Their own module so they load with the filters
 * menu, not with the provider; override any of them through the provider's `labels`.
 */
export const metadataFilterEnUS = {
  metadataLabel: 'Metadata',
  metadataKey: 'Key',
  metadataValue: 'Value',
  metadataAdd: 'Add',
  /** A metadata condition that is on; its button removes it. */
  metadataRemove: 'Remove {key} = {value}',
};

export type MetadataFilterLabels = Record<keyof typeof metadataFilterEnUS, string>;
