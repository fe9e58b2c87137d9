/** The warnings' plain-language texts live in src/i18n/warnings.ts (shared with the report). */
export { warningText, warningTexts } from '../../i18n/warnings.ts';
