import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n from '../i18n';

// The design system's spinner syncs its animation through the Web Animations API, which happy-dom lacks.
const noAnimations = () => [];
(document as unknown as { getAnimations?: unknown }).getAnimations ??= noAnimations;
(Element.prototype as unknown as { getAnimations?: unknown }).getAnimations ??= noAnimations;

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('nb');
});
