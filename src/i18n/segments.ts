/**
 * The segments' texts (`UserSegments`). Their own module so they load with that part, not with
 * the provider; override any of them through the provider's `labels`.
 */
export const segmentsEnUS = {
  segmentsTitle: 'Segments',
  segmentsBy: 'Group by',
  segmentsByEnvironment: 'Environment',
  segmentsByTags: 'Tag',
  segmentsByRelease: 'Release',
  segmentsByMetadata: 'Metadata: {key}',
  segmentsValue: 'Segment',
  segmentsNone: '(no tag)',
  segmentsNoValue: '(none)',
  segmentsUsers: 'Users',
  segmentsTraces: 'Traces',
  segmentsTokens: 'Tokens',
  segmentsCost: 'Cost',
  segmentsCostPerUser: 'Cost per user',
  segmentsErrorRate: 'Error rate',
  segmentsFeedback: 'Feedback ({score})',
  segmentsFeedbackNone: 'Feedback',
  segmentsOpen: 'Users in {segment}',
  segmentsEmpty: 'No traces in this range.',
  segmentsSubject: 'the segments',
};

export type SegmentsKey = keyof typeof segmentsEnUS;
export type SegmentsLabels = Record<SegmentsKey, string>;
