import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nb } from './nb';

const KEY = 'laerenett.language';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;

void i18n.use(initReactI18next).init({
  resources: { nb: { translation: nb }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'nb',
  fallbackLng: 'nb',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(KEY, lng);
});
document.documentElement.lang = i18n.language;

export default i18n;
