// The host's own texts (its sidebar, header, sign-in). userlens brings its own in the same three
// languages; the provider picks them from `locale`.
export const LOCALES = ['en-US', 'de-DE', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const TEXTS = {
  'en-US': {
    language: 'Language',
    languageName: 'English',
    theme: 'Dark mode',
    dashboard: 'Dashboard',
    users: 'Users',
    billing: 'Billing',
    settings: 'Settings',
    signOut: 'Sign out',
    signInTitle: 'Sign in to Northwind Admin',
    signInBody: 'Pick the customer account to administer. This demo signs you in without a password.',
    signIn: 'Sign in as {tenant}',
    usersTitle: 'Users',
    usersLead: 'Who uses your assistant, what it costs and how well it answers.',
    notFound: 'There is no page here.',
    backHome: 'Go to users',
    mainNav: 'Main',
    loading: 'Loading…',
  },
  'de-DE': {
    language: 'Sprache',
    languageName: 'Deutsch',
    theme: 'Dunkler Modus',
    dashboard: 'Übersicht',
    users: 'Nutzer',
    billing: 'Abrechnung',
    settings: 'Einstellungen',
    signOut: 'Abmelden',
    signInTitle: 'Bei Northwind Admin anmelden',
    signInBody: 'Wählen Sie das Kundenkonto, das Sie verwalten. Diese Demo meldet Sie ohne Passwort an.',
    signIn: 'Als {tenant} anmelden',
    usersTitle: 'Nutzer',
    usersLead: 'Wer Ihren Assistenten nutzt, was er kostet und wie gut er antwortet.',
    notFound: 'Diese Seite gibt es nicht.',
    backHome: 'Zu den Nutzern',
    mainNav: 'Hauptnavigation',
    loading: 'Wird geladen…',
  },
  'zh-CN': {
    language: '语言',
    languageName: '简体中文',
    theme: '深色模式',
    dashboard: '概览',
    users: '用户',
    billing: '账单',
    settings: '设置',
    signOut: '退出登录',
    signInTitle: '登录 Northwind 管理后台',
    signInBody: '请选择要管理的客户账号。本演示无需密码即可登录。',
    signIn: '以 {tenant} 身份登录',
    usersTitle: '用户',
    usersLead: '谁在使用您的助手、花费多少、回答质量如何。',
    notFound: '页面不存在。',
    backHome: '返回用户列表',
    mainNav: '主导航',
    loading: '加载中…',
  },
} satisfies Record<Locale, Record<string, string>>;

export type HostTexts = (typeof TEXTS)['en-US'];
export const hostTexts = (locale: Locale): HostTexts => TEXTS[locale];
