/**
 * User ids that break naive views: markup, bidi overrides, URL-significant characters,
 * maximum length, emoji sequences and whitespace. Each must render verbatim as text and
 * survive a round-trip through a link.
 */
export const HOSTILE_USER_IDS: readonly string[] = [
  '<script>alert("userlens")</script>',
  '<img src=x onerror=alert(1)>',
  `"'><svg onload=alert(1)>`,
  '\u202Eresu-lanretxe\u202C',
  `${'long-user-id-'.repeat(15)}${'x'.repeat(5)}`,
  'team/alpha/user',
  'user%2Fencoded',
  'user#fragment',
  'user?tab=sessions&page=2',
  '../../admin',
  '👩‍👩‍👧‍👦 family account',
  '🏳️‍🌈',
  '   ',
  'user with  spaces',
  'ユーザー名',
  '=HYPERLINK("http://example.com")',
];
