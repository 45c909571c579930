import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale } from 'react-admin';
import en from './en';
import zh from './zh';

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh-CN', name: '简体中文' },
] as const;
export type ConsoleLocale = (typeof LOCALES)[number]['locale'];

/** Maps whatever the server or the browser says ("zh", "zh-Hans-CN", "en-GB") to a console locale. */
export function toConsoleLocale(value: string | null | undefined): ConsoleLocale {
  return value && value.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const catalogs: Record<ConsoleLocale, typeof en> = { en, 'zh-CN': zh as typeof en };

export const i18nProvider = polyglotI18nProvider(
  (locale) => catalogs[toConsoleLocale(locale)],
  toConsoleLocale(resolveBrowserLocale('en')),
  [...LOCALES],
  { allowMissing: false },
);
