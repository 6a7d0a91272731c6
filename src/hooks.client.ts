import { defineLanguageStrategy } from '$lib/i18n/strategy.js';

defineLanguageStrategy();
